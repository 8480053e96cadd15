package dev.tandem.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A technical failure (a database error, a bug) answers 500 with a reference, never with what the
 * engine's REST API would otherwise put in the body: SQL statements, table names, stack traces.
 * The full error goes to the log under that reference. Refusals are 4xx and pass unchanged.
 */
@Configuration
class TechnicalErrors {

    private static final Logger LOG = LoggerFactory.getLogger(TechnicalErrors.class);

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> hideTechnicalErrors() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                ContentCachingResponseWrapper kept = new ContentCachingResponseWrapper(response);
                chain.doFilter(request, kept);
                if (kept.getStatus() >= 500) {
                    String reference = UUID.randomUUID().toString();
                    LOG.error("Technical error {} on {} {}: {}", reference, request.getMethod(), request.getRequestURI(),
                            new String(kept.getContentAsByteArray(), StandardCharsets.UTF_8));
                    kept.resetBuffer();
                    kept.setContentType("application/json");
                    kept.getOutputStream().write(("{\"type\":\"TechnicalError\",\"message\":\"Tandem could not do this "
                            + "because of a technical error; it is logged as " + reference + ".\"}")
                            .getBytes(StandardCharsets.UTF_8));
                }
                kept.copyBodyToResponse();
            }
        });
        registration.setName("hide-technical-errors");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}

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
 * What the engine's REST APIs ({@code /engine-rest}, and the webapps' own under {@code /camunda/api})
 * answer when something fails:
 * <ul>
 * <li>a refusal of a guard or of the billing core ({@link dev.tandem.common.BillingException}),
 * which Camunda's generic handler would answer with 500, is a 400 with its message, for Tasklist as
 * for scripts;</li>
 * <li>any other failure (a database error, a bug) answers 500 with a reference, never with what the
 * body would otherwise hold: SQL statements, table names, stack traces. The full error goes to the
 * log under that reference.</li>
 * </ul>
 */
@Configuration
class TechnicalErrors {

    private static final Logger LOG = LoggerFactory.getLogger(TechnicalErrors.class);

    private static final String REFUSAL = "\"type\":\"BillingException\"";

    private static boolean refusal(ContentCachingResponseWrapper response) {
        return new String(response.getContentAsByteArray(), StandardCharsets.UTF_8).replace(" ", "").contains(REFUSAL);
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> hideTechnicalErrors() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                ContentCachingResponseWrapper kept = new ContentCachingResponseWrapper(response);
                chain.doFilter(request, kept);
                if (kept.getStatus() >= 500 && refusal(kept)) {
                    kept.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                } else if (kept.getStatus() >= 500) {
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
        registration.setName("refusals-and-technical-errors");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}

package dev.tandem.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API (/engine-rest, used by Camunda Modeler to deploy) answers only to Camunda users
 * with HTTP Basic credentials, and then with their authorizations.
 */
@Configuration
class RestApiSecurity {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new EveryRequestAuthenticated());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    /** Camunda's filter lets the list of engine names through unauthenticated; Tandem tells strangers nothing. */
    static class EveryRequestAuthenticated extends ProcessEngineAuthenticationFilter {
        @Override
        protected boolean requiresEngineAuthentication(String requestUrl) {
            return true;
        }
    }
}

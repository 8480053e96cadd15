package dev.tandem.security;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.tandem.common.BillingException;

/**
 * A refusal of the billing core or of a guard, met by a call to {@code /engine-rest}, answers 400
 * with its message, in the REST API's own error shape: the caller sent something Tandem does not
 * take, nothing was saved, and the message says why.
 */
@Configuration
class RestRefusals {

    @Bean
    ResourceConfigCustomizer billingRefusalsAreBadRequests() {
        return config -> config.register(BillingRefusal.class);
    }

    static class BillingRefusal implements ExceptionMapper<BillingException> {
        @Override
        public Response toResponse(BillingException refused) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("type", "BillingException", "message", refused.getMessage())).build();
        }
    }
}

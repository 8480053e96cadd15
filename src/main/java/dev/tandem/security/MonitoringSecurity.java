package dev.tandem.security;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import dev.tandem.common.Groups;

/**
 * The actuator under /actuator: a load balancer asks /actuator/health/readiness and /liveness
 * without credentials and learns UP or DOWN, nothing more; every other endpoint (metrics for
 * Prometheus, health details) answers only to administrators and to members of the monitoring
 * group, with HTTP Basic credentials of a Camunda user, and keeps no session.
 */
@Configuration
class MonitoringSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain actuator(HttpSecurity http) throws Exception {
        return http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/liveness",
                                "/actuator/health/readiness").permitAll()
                        .anyRequest().hasAnyAuthority(Groups.ADMINISTRATORS, Groups.MONITORING))
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}

package dev.tandem.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Tandem's own pages under /tandem/** log people in with their Camunda user and password; their
 * Camunda groups are their authorities. Everything else (the Camunda webapps and /engine-rest)
 * keeps Camunda's own security: this chain matches /tandem/** only.
 */
@Configuration
class PageSecurity {

    @Bean
    SecurityFilterChain tandemPages(HttpSecurity http) throws Exception {
        return http.securityMatcher("/tandem/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/tandem/login", "/tandem/css/**").permitAll()
                        .requestMatchers("/tandem/to-invoice/**", "/tandem/invoice-runs/**")
                        .hasAnyAuthority(Groups.ACCOUNTING, Groups.ADMINISTRATORS)
                        .requestMatchers("/tandem/technician/**", "/tandem/field-tasks/*/signature")
                        .hasAuthority(Groups.TECHNICIANS)
                        .requestMatchers("/tandem/field-tasks/*/report.pdf")
                        .hasAnyAuthority(Groups.TECHNICIANS, Groups.ACCOUNTING, Groups.ADMINISTRATORS)
                        .anyRequest().authenticated())
                .formLogin(login -> login.loginPage("/tandem/login").defaultSuccessUrl("/tandem"))
                .logout(logout -> logout.logoutUrl("/tandem/logout").logoutSuccessUrl("/tandem/login?logout"))
                .build();
    }

    /** Checks the password with Camunda's identity service; groups become authorities. */
    @Bean
    AuthenticationProvider camundaUsers(IdentityService identity) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication login) {
                String user = login.getName();
                if (!identity.checkPassword(user, String.valueOf(login.getCredentials()))) {
                    throw new BadCredentialsException("Wrong user name or password.");
                }
                List<SimpleGrantedAuthority> groups = identity.createGroupQuery().groupMember(user).list().stream()
                        .map(Group::getId).map(SimpleGrantedAuthority::new).toList();
                return new UsernamePasswordAuthenticationToken(user, null, groups);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }
}

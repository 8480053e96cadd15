package dev.tandem.security;

import java.util.LinkedHashMap;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.DelegatingLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One login for people, on any node: Tandem's pages, Tasklist, Cockpit and Admin share one HTTP
 * session (held in the database by Spring Session JDBC), opened by one sign-in with a Camunda user
 * and password. The Camunda webapps take the signed-in person from Spring Security
 * (container-based authentication) and still apply Camunda's authorizations (which apps, which
 * data). Logging out, from Tandem's pages or from a webapp's menu, ends the session for every app
 * and every node. The REST API (/engine-rest, HTTP Basic per request) and the actuator
 * ({@link MonitoringSecurity}) keep their own rules.
 */
@Configuration
class PeopleSecurity {

    static final String LOGIN = "/login";
    /** The login a Camunda webapp's own form posts (shown when its session has ended). */
    private static final RequestMatcher WEBAPP_LOGIN = PathPatternRequestMatcher.withDefaults()
            .matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/{engine}/login/{app}");
    private static final RequestMatcher WEBAPP_WHO = PathPatternRequestMatcher.withDefaults()
            .matcher(HttpMethod.GET, "/camunda/api/admin/auth/user/{engine}");
    private static final RequestMatcher WEBAPP_LOGOUT = PathPatternRequestMatcher.withDefaults()
            .matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/{engine}/logout");

    private static final RequestMatcher WEBAPP_API = PathPatternRequestMatcher.withDefaults().matcher("/camunda/api/**");

    @Bean
    @Order(2)
    SecurityFilterChain people(HttpSecurity http, AuthenticationProvider camundaUsers) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        return http.securityMatcher(new NegatedRequestMatcher(path.matcher("/engine-rest/**")))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(LOGIN, "/tandem/login", "/tandem/css/**", "/error", "/favicon.ico")
                            .permitAll()
                            // A webapp whose session ended shows its own login form: it reads the engines'
                            // names and its fonts, asks who is signed in (Camunda answers 404 when nobody
                            // is, with a CSRF token for the form) and posts the form without a session.
                            .requestMatchers(WEBAPP_LOGIN, WEBAPP_WHO).permitAll()
                            .requestMatchers(HttpMethod.GET, "/camunda/api/engine/engine/", "/camunda/assets/**")
                            .permitAll();
                    PageAccess.RULES.forEach(rule -> requests.requestMatchers(rule.matcher())
                            .hasAnyAuthority(rule.groups().toArray(String[]::new)));
                    requests.anyRequest().authenticated();
                })
                .formLogin(login -> login.loginPage(LOGIN).defaultSuccessUrl("/"))
                .addFilterAt(new WebappLogin(WEBAPP_LOGIN, camundaUsers), UsernamePasswordAuthenticationFilter.class)
                // The webapps' own scripts get 401 (and show their login form); pages go to the login page.
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), WEBAPP_API)
                        // The error page tells a refused group from a form whose token is out of date.
                        .accessDeniedHandler((request, response, denied) -> {
                            request.setAttribute(WebAttributes.ACCESS_DENIED_403, denied);
                            response.sendError(HttpStatus.FORBIDDEN.value());
                        }))
                .logout(logout -> logout
                        // No CSRF token is checked on a webapp's logout: the session cookie is
                        // SameSite=Lax, so another site cannot send it, and a webapp POST without
                        // Camunda's token ends the session anyway (Camunda's CSRF filter does that).
                        .logoutRequestMatcher(new OrRequestMatcher(path.matcher(HttpMethod.POST, "/logout"),
                                WEBAPP_LOGOUT))
                        .invalidateHttpSession(false)
                        .addLogoutHandler(PeopleSecurity::endSession)
                        .logoutSuccessHandler(loggedOut()))
                // The webapps send Camunda's own CSRF token (its CsrfPreventionFilter checks it).
                .csrf(csrf -> csrf.ignoringRequestMatchers(path.matcher("/camunda/**")))
                .build();
    }

    /**
     * Ends the session, for every node (it is a row of the session table). A webapp stays on its
     * page and shows its own login form, whose post carries the CSRF token Camunda gave the page:
     * the new session keeps that token, and nothing else.
     */
    private static void endSession(HttpServletRequest request, HttpServletResponse response, Authentication user) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        Object webappToken = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        session.invalidate();
        if (webappToken != null && WEBAPP_LOGOUT.matches(request)) {
            request.getSession(true).setAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME, webappToken);
        }
    }

    /** A webapp's logout gets the 200 its script expects; a page's goes to the login page. */
    private static LogoutSuccessHandler loggedOut() {
        SimpleUrlLogoutSuccessHandler page = new SimpleUrlLogoutSuccessHandler();
        page.setDefaultTargetUrl(LOGIN + "?logout");
        LinkedHashMap<RequestMatcher, LogoutSuccessHandler> byRequest = new LinkedHashMap<>();
        byRequest.put(WEBAPP_LOGOUT, new HttpStatusReturningLogoutSuccessHandler());
        DelegatingLogoutSuccessHandler handler = new DelegatingLogoutSuccessHandler(byRequest);
        handler.setDefaultLogoutSuccessHandler(page);
        return handler;
    }

    /** The webapps take the person Spring Security signed in (after its filters, before Camunda's). */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappsTakeTheSignedInPerson() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("container-based-authentication");
        registration.addInitParameter("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(0);
        return registration;
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

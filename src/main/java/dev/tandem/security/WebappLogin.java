package dev.tandem.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A Camunda webapp's own login form (shown when its session has ended) signs in to the one
 * session too. The password is checked first; then Camunda's login answers the form as the webapp
 * expects, after its own CSRF check and with its own refusal of an app the person may not open
 * (403), and renews the session; only when it accepted is the sign-in kept for every app.
 */
class WebappLogin extends OncePerRequestFilter {

    private final RequestMatcher login;
    private final AuthenticationProvider users;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    WebappLogin(RequestMatcher login, AuthenticationProvider users) {
        this.login = login;
        this.users = users;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !login.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user;
        try {
            user = users.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                    String.valueOf(request.getParameter("username")), String.valueOf(request.getParameter("password"))));
        } catch (AuthenticationException refused) {
            response.sendError(HttpStatus.UNAUTHORIZED.value());
            return;
        }
        chain.doFilter(request, response);
        if (HttpStatus.valueOf(response.getStatus()).is2xxSuccessful()) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(user);
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
        }
    }
}

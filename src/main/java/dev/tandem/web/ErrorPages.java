package dev.tandem.web;

import java.util.Map;
import java.util.Optional;

import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

import dev.tandem.security.PageAccess;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A page that cannot be shown is answered with a page in Tandem's layout: what went wrong in
 * people's words, which group a refused page belongs to, and the way back to the apps one may open.
 */
@Component
class ErrorPages implements ErrorViewResolver {

    private final ErrorAttributes errors;

    ErrorPages(ErrorAttributes errors) {
        this.errors = errors;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String asked = path == null ? "" : path.substring(request.getContextPath().length());
        String title;
        String explanation;
        if (status == HttpStatus.FORBIDDEN && request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException) {
            title = "This page was out of date";
            explanation = "Your session ended or the page was open too long, so nothing was done. Go back, reload the "
                    + "page and try again.";
        } else if (status == HttpStatus.FORBIDDEN) {
            title = "Not your page";
            explanation = PageAccess.whoMayOpen(request.getMethod(), asked)
                    .map(people -> "This page is open to " + people
                            + ". Ask an administrator to add you to one of these groups if your work needs it.")
                    .orElse("Your groups do not open this page.");
        } else if (status == HttpStatus.NOT_FOUND) {
            title = "Nothing here";
            explanation = reason(request).orElse("There is no page at this address.");
        } else if (status.is4xxClientError()) {
            title = "This request cannot be answered";
            explanation = reason(request).orElse("The address or what was sent is not what the page takes.");
        } else {
            title = "Something went wrong";
            explanation = "Tandem could not answer this time; nothing was changed by this page. Try again, "
                    + "and tell an administrator if it keeps happening.";
        }
        return new ModelAndView("web/error", Map.of("status", status.value(), "title", title,
                "explanation", explanation, "path", asked), status);
    }

    /** The reason Tandem's own code gave (ResponseStatusException), never an exception's internals. */
    private Optional<String> reason(HttpServletRequest request) {
        return errors.getError(new ServletWebRequest(request)) instanceof ResponseStatusException refusal
                ? Optional.ofNullable(refusal.getReason()) : Optional.empty();
    }
}

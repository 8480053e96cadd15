package dev.tandem.security;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.pattern.PathPatternParser;

import dev.tandem.common.Groups;


/**
 * Which groups open which of Tandem's pages. {@link PeopleSecurity} enforces it; the error page
 * reads it to tell a person refused which group the page belongs to.
 */
public final class PageAccess {

    /** One rule: requests (a method, or any when null, and paths) open to the groups, named for people. */
    record Rule(HttpMethod method, List<String> paths, List<String> groups, String people) {

        RequestMatcher matcher() {
            PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
            return new OrRequestMatcher(paths.stream()
                    .<RequestMatcher>map(path -> builder.matcher(method, path)).toList());
        }

        boolean matches(String requestMethod, String path) {
            PathContainer container = PathContainer.parsePath(path);
            return (method == null || method.matches(requestMethod))
                    && paths.stream().anyMatch(pattern -> PathPatternParser.defaultInstance.parse(pattern).matches(container));
        }
    }

    /** In order: the first rule that matches a request applies. */
    static final List<Rule> RULES = List.of(
            new Rule(null, List.of("/tandem/to-invoice/**", "/tandem/invoice-runs/**"),
                    List.of(Groups.ACCOUNTING, Groups.ADMINISTRATORS), "accounting and administrators"),
            new Rule(HttpMethod.GET, List.of("/tandem/invoices", "/tandem/invoices/**"),
                    List.of(Groups.ACCOUNTING, Groups.ADMINISTRATORS, Groups.AUDITORS),
                    "accounting, administrators and auditors"),
            new Rule(null, List.of("/tandem/invoices/**"),
                    List.of(Groups.ACCOUNTING, Groups.ADMINISTRATORS), "accounting and administrators"),
            new Rule(null, List.of("/tandem/technician/**", "/tandem/field-tasks/*/signature"),
                    List.of(Groups.TECHNICIANS), "technicians"),
            new Rule(null, List.of("/tandem/field-tasks/*/report.pdf"),
                    List.of(Groups.TECHNICIANS, Groups.ACCOUNTING, Groups.ADMINISTRATORS),
                    "technicians, accounting and administrators"));

    private PageAccess() {
    }

    /** Who may open a page ("accounting and administrators"), if it is one of the guarded ones. */
    public static Optional<String> whoMayOpen(String method, String path) {
        return RULES.stream().filter(rule -> rule.matches(method, path)).findFirst().map(Rule::people);
    }
}

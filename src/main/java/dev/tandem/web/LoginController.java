package dev.tandem.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.tandem.common.Groups;

/**
 * The one login page (Spring Security posts the form), the landing page that shows each person
 * the apps they may open, and where Tandem's own pages send each role.
 */
@Controller
class LoginController {

    /** An app on the landing page: its name, what it is for, and where it opens. */
    record App(String name, String purpose, String href) {
    }

    private final AuthorizationService authorizations;

    LoginController(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @GetMapping("/login")
    String login() {
        return "web/login";
    }

    /** Where the login of earlier versions was: bookmarks keep working. */
    @GetMapping("/tandem/login")
    String formerLogin() {
        return "redirect:/login";
    }

    @GetMapping("/")
    String landing(Authentication user, Model model) {
        Set<String> groups = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        List<App> apps = new ArrayList<>();
        if (camunda(user.getName(), groups, "tasklist")) {
            apps.add(new App("Tasklist", "Your tasks and your groups' tasks", "/camunda/app/tasklist/default/"));
        }
        if (groups.contains(Groups.SALES) || groups.contains(Groups.HELPDESK) || groups.contains(Groups.TECHNICIANS)) {
            apps.add(new App("Start", "New tickets, interventions, orders and logged time, picked from lists",
                    "/tandem/start"));
        }
        if (groups.contains(Groups.TECHNICIANS)) {
            apps.add(new App("Technician page", "Today's interventions: timer, signature, report", "/tandem/technician"));
        }
        if (groups.contains(Groups.ACCOUNTING) || groups.contains(Groups.ADMINISTRATORS)) {
            apps.add(new App("To invoice", "Orders with time or material to invoice; invoice runs", "/tandem/to-invoice"));
        }
        if (groups.contains(Groups.ACCOUNTING) || groups.contains(Groups.ADMINISTRATORS)
                || groups.contains(Groups.AUDITORS)) {
            apps.add(new App("Invoices", "Every invoice and credit note: search, PDF, mail", "/tandem/invoices"));
        }
        if (camunda(user.getName(), groups, "cockpit")) {
            apps.add(new App("Cockpit", "Processes, their history and incidents; the Audit page", "/camunda/app/cockpit/default/"));
        }
        if (camunda(user.getName(), groups, "admin")) {
            apps.add(new App("Admin", "Users, groups and authorizations", "/camunda/app/admin/default/"));
        }
        model.addAttribute("user", user.getName());
        model.addAttribute("apps", apps);
        return "web/home";
    }

    /** Tandem's own address: the page of one's role, or the landing page when none is theirs. */
    @GetMapping({"/tandem", "/tandem/"})
    String home(Authentication user) {
        Set<String> groups = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        if (groups.contains(Groups.TECHNICIANS)) {
            return "redirect:/tandem/technician";
        }
        if (groups.contains(Groups.ACCOUNTING) || groups.contains(Groups.ADMINISTRATORS)) {
            return "redirect:/tandem/to-invoice";
        }
        return groups.contains(Groups.AUDITORS) ? "redirect:/tandem/invoices" : "redirect:/";
    }

    /** Whether Camunda's authorizations let the person open one of its webapps. */
    private boolean camunda(String user, Set<String> groups, String app) {
        return authorizations.isUserAuthorized(user, List.copyOf(groups), Permissions.ACCESS, Resources.APPLICATION, app);
    }
}

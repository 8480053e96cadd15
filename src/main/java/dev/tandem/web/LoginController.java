package dev.tandem.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import dev.tandem.security.Groups;

/** The login page of Tandem's own pages (Spring Security posts the form), and where each role lands. */
@Controller
class LoginController {

    @GetMapping("/tandem/login")
    String login() {
        return "web/login";
    }

    @GetMapping({"/tandem", "/tandem/"})
    String home(Authentication user) {
        boolean technician = user.getAuthorities().stream()
                .anyMatch(authority -> Groups.TECHNICIANS.equals(authority.getAuthority()));
        return technician ? "redirect:/tandem/technician" : "redirect:/tandem/to-invoice";
    }
}

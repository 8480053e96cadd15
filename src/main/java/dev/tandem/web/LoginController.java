package dev.tandem.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page of Tandem's own pages (Spring Security posts the form). */
@Controller
class LoginController {

    @GetMapping("/tandem/login")
    String login() {
        return "web/login";
    }
}

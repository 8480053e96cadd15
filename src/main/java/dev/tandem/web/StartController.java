package dev.tandem.web;


import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tandem.common.BillingException;

/**
 * Tandem's start page: the processes people start, with customers, orders, products, teams and
 * technicians picked from lists (Tasklist's start forms cannot load data). A start here is a start
 * of the process as from Tasklist, in the person's name: the same inputs, the same guards and
 * authorizations; what the billing core refuses comes back on the page with what was typed.
 */
@Controller
@RequestMapping("/tandem/start")
class StartController {

    private final ProcessStarts starts;

    StartController(ProcessStarts starts) {
        this.starts = starts;
    }

    @GetMapping
    String page(Authentication user, Model model) {
        ProcessStarts.Offer offer = starts.offer(user.getName(),
                user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
        model.addAttribute("starts", offer.starts());
        model.addAttribute("lists", offer.lists());
        return "web/start";
    }

    @PostMapping("/{key}")
    String start(@PathVariable String key, @RequestParam MultiValueMap<String, String> typed, Authentication user,
                 RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("message", starts.start(user.getName(), key, typed::getFirst).orElseThrow(
                    () -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                            "Tandem's start page starts no process " + key + ".")));
        } catch (BillingException | ProcessEngineException refused) {
            flash.addFlashAttribute("error", refused.getMessage());
            flash.addFlashAttribute("refusedStart", key);
            flash.addFlashAttribute("typed", typed.toSingleValueMap());
        }
        return "redirect:/tandem/start#start-" + key;
    }
}

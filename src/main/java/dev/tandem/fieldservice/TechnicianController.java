package dev.tandem.fieldservice;

import java.security.Principal;

import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tandem.common.BillingException;
import dev.tandem.fieldservice.process.FieldTaskSteps;
import dev.tandem.fieldservice.process.TechnicianDesk;

/**
 * The technician's page on site, made for a phone: the whole intervention with big buttons. Start,
 * Pause, Resume and Stop (with a live clock), Confirm time with what was done, the worksheet with
 * materials picked from a list showing stock, the way to the customer's signature, Done, and Add
 * time. Each button completes the task the field-service process waits on (the same task and
 * inputs as in Tasklist), in the technician's name, so the page and Tasklist never disagree. Done
 * tasks offer Add time, for time added after signing.
 */
@Controller
@RequestMapping("/tandem/technician")
class TechnicianController {

    private final TechnicianDesk desk;
    private final FieldTaskSteps steps;

    TechnicianController(TechnicianDesk desk, FieldTaskSteps steps) {
        this.desk = desk;
        this.steps = steps;
    }

    @GetMapping
    public String page(Principal user, Model model) {
        TechnicianDesk.Desk shown = desk.of(user.getName());
        model.addAttribute("cards", shown.cards());
        model.addAttribute("materials", shown.materials());
        model.addAttribute("slots", shown.slots());
        model.addAttribute("done", shown.done());
        return "fieldservice/technician";
    }

    /** A button of a step: a step no longer open, or a button it does not offer, shows where things stand. */
    @PostMapping("/{taskId}/{action}")
    public String act(@PathVariable String taskId, @PathVariable String action,
                      @RequestParam MultiValueMap<String, String> typed, Principal user, RedirectAttributes flash) {
        try {
            if (!desk.press(user.getName(), taskId, action, typed::getFirst)) {
                flash.addFlashAttribute("error",
                        "This step is no longer open: the page was out of date. Here is where things stand.");
            }
        } catch (BillingException | ProcessEngineException refused) {
            flash.addFlashAttribute("error", refused.getMessage());
            // What was typed stays on the page (on this task's card), to correct rather than type again.
            flash.addFlashAttribute("typed", typed.toSingleValueMap());
            flash.addFlashAttribute("typedTask", taskId);
        }
        return "redirect:/tandem/technician";
    }
    /** Time to add to a done task of theirs: starts the amendment at the timer. */
    @PostMapping("/done/{number}/add-time")
    public String addTime(@PathVariable String number, Principal user, RedirectAttributes flash) {
        try {
            steps.addTimeAfterDone(number, user.getName());
        } catch (BillingException | ProcessEngineException refused) {
            flash.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/tandem/technician";
    }
}

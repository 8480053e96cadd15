package dev.tandem.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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
import dev.tandem.common.ProcessInputs;
import dev.tandem.common.StartFormChoices;
import dev.tandem.common.StepInput;
import dev.tandem.fieldservice.process.FieldServiceProcess;
import dev.tandem.helpdesk.process.SupportTicketProcess;
import dev.tandem.sales.process.PostpaidSupportProcess;
import dev.tandem.sales.process.PrepaidSupportProcess;
import dev.tandem.security.ActingUser;
import dev.tandem.timesheets.process.LogTimeProcess;

/**
 * Tandem's start page: the processes people start, with customers, orders, products, teams and
 * technicians picked from lists (Tasklist's start forms cannot load data). A start here is a start
 * of the process as from Tasklist, in the person's name: the same inputs, the same guards and
 * authorizations; what the billing core refuses comes back on the page with what was typed.
 */
@Controller
@RequestMapping("/tandem/start")
class StartController {

    /** A start form of the page: the process it starts and what it is for. */
    record Start(String key, String title, String purpose) {
    }

    private static final List<Start> STARTS = List.of(
            new Start(SupportTicketProcess.KEY, "New support ticket",
                    "Time on the ticket draws from the customer's prepaid hours, or from the order you pick."),
            new Start(FieldServiceProcess.KEY, "Plan an intervention",
                    "The technician's time bills the order's hourly line; materials used are added to the order."),
            new Start(PrepaidSupportProcess.KEY, "Sell prepaid support hours",
                    "Confirmed at once; accounting invoices it up front."),
            new Start(PostpaidSupportProcess.KEY, "Sell support on timesheets",
                    "Confirmed at once; accounting invoices the time delivered."),
            new Start(LogTimeProcess.KEY, "Log time on an order", "Time worked outside a ticket or an intervention."));

    private static final Map<String, ProcessInputs> INPUTS = Map.of(
            SupportTicketProcess.KEY, SupportTicketProcess.INPUTS, FieldServiceProcess.KEY, FieldServiceProcess.INPUTS,
            PrepaidSupportProcess.KEY, PrepaidSupportProcess.INPUTS, PostpaidSupportProcess.KEY,
            PostpaidSupportProcess.INPUTS, LogTimeProcess.KEY, LogTimeProcess.INPUTS);

    private final AuthorizationService authorizations;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ActingUser acting;
    private final List<StartFormChoices> choices;

    StartController(AuthorizationService authorizations, RuntimeService runtime, TaskService tasks, ActingUser acting,
                    List<StartFormChoices> choices) {
        this.authorizations = authorizations;
        this.runtime = runtime;
        this.tasks = tasks;
        this.acting = acting;
        this.choices = choices;
    }

    @GetMapping
    String page(Authentication user, Model model) {
        List<String> groups = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        model.addAttribute("starts", STARTS.stream().filter(start -> authorizations.isUserAuthorized(user.getName(),
                groups, Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, start.key())).toList());
        Map<String, List<Map<String, String>>> lists = new HashMap<>();
        choices.forEach(provider -> lists.putAll(provider.choices()));
        model.addAttribute("lists", lists);
        return "web/start";
    }

    @PostMapping("/{key}")
    String start(@PathVariable String key, @RequestParam MultiValueMap<String, String> typed, Authentication user,
                 RedirectAttributes flash) {
        ProcessInputs inputs = INPUTS.get(key);
        if (inputs == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Tandem's start page starts no process " + key + ".");
        }
        Map<String, Object> form = StepInput.fromPage(inputs.start(), typed::getFirst);
        try {
            ProcessInstance started = acting.as(user.getName(), () -> runtime.startProcessInstanceByKey(key, form));
            String what = started.getBusinessKey() == null ? "Started." : "Started " + started.getBusinessKey() + ".";
            flash.addFlashAttribute("message", (what + " " + next(started)).strip());
        } catch (BillingException | ProcessEngineException refused) {
            flash.addFlashAttribute("error", refused.getMessage());
            flash.addFlashAttribute("refusedStart", key);
            flash.addFlashAttribute("typed", typed.toSingleValueMap());
        }
        return "redirect:/tandem/start#start-" + key;
    }

    /** Where the new instance waits: its open tasks by name, in Tasklist. */
    private String next(ProcessInstance started) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(started.getId()).list();
        return open.isEmpty() ? "" : "Next in Tasklist: " + open.stream().map(Task::getName)
                .collect(Collectors.joining("; ")) + ".";
    }
}

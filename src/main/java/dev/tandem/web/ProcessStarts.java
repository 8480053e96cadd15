package dev.tandem.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import dev.tandem.common.ActingUser;
import dev.tandem.common.ProcessInputs;
import dev.tandem.common.StartFormChoices;
import dev.tandem.common.StepInput;
import dev.tandem.fieldservice.process.FieldServiceProcess;
import dev.tandem.helpdesk.process.SupportTicketProcess;
import dev.tandem.invoicing.process.SupportProcessInputs;
import dev.tandem.sales.process.PostpaidSupportProcess;
import dev.tandem.sales.process.PrepaidSupportProcess;
import dev.tandem.timesheets.process.LogTimeProcess;

/**
 * The processes the Start page starts, for whom, with which lists to pick from, and the start
 * itself: in the person's name, as from Tasklist, with the same inputs, guards and authorizations.
 */
@Service
class ProcessStarts {

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
            PrepaidSupportProcess.KEY, SupportProcessInputs.PREPAID, PostpaidSupportProcess.KEY,
            SupportProcessInputs.POSTPAID, LogTimeProcess.KEY, LogTimeProcess.INPUTS);

    /** What the page offers a person: the starts they may make, and the lists their fields pick from. */
    record Offer(List<Start> starts, Map<String, List<Map<String, String>>> lists) {
    }

    private final AuthorizationService authorizations;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ActingUser acting;
    private final List<StartFormChoices> choices;

    ProcessStarts(AuthorizationService authorizations, RuntimeService runtime, TaskService tasks, ActingUser acting,
                  List<StartFormChoices> choices) {
        this.authorizations = authorizations;
        this.runtime = runtime;
        this.tasks = tasks;
        this.acting = acting;
        this.choices = choices;
    }

    Offer offer(String userId, List<String> groups) {
        Map<String, List<Map<String, String>>> lists = new HashMap<>();
        choices.forEach(provider -> lists.putAll(provider.choices()));
        return new Offer(STARTS.stream().filter(start -> authorizations.isUserAuthorized(userId, groups,
                Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, start.key())).toList(), lists);
    }

    /**
     * Starts the process with what was typed, in the person's name; what happened, for the page
     * ("Started T00002. Next in Tasklist: …"). Empty when the page starts no process of that key.
     */
    Optional<String> start(String userId, String key, Function<String, String> typed) {
        ProcessInputs inputs = INPUTS.get(key);
        if (inputs == null) {
            return Optional.empty();
        }
        Map<String, Object> form = StepInput.fromPage(inputs.start(), typed);
        ProcessInstance started = acting.as(userId, () -> runtime.startProcessInstanceByKey(key, form));
        String what = started.getBusinessKey() == null ? "Started." : "Started " + started.getBusinessKey() + ".";
        return Optional.of((what + " " + next(started)).strip());
    }

    /** Where the new instance waits: its open tasks by name, in Tasklist. */
    private String next(ProcessInstance started) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(started.getId()).list();
        return open.isEmpty() ? "" : "Next in Tasklist: " + open.stream().map(Task::getName)
                .collect(Collectors.joining("; ")) + ".";
    }
}

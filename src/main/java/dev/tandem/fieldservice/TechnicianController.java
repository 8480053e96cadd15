package dev.tandem.fieldservice;

import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tandem.common.BillingException;
import dev.tandem.common.StepInput;
import dev.tandem.common.StepOutcome;
import dev.tandem.common.TaskNames;
import dev.tandem.fieldservice.process.FieldServiceProcess;
import dev.tandem.fieldservice.process.FieldTaskSteps;
import dev.tandem.fieldservice.process.MaterialChoices;
import dev.tandem.security.ActingUser;
import dev.tandem.timesheets.TimerRepository;

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

    /**
     * A field task as the technician sees it, with what its step needs: the buttons its process
     * allows now, the time counted (a live clock while it runs), and the step's own fields.
     */
    record Card(String taskId, String number, String customer, String site, String description, String step,
                String stepKey, Long elapsedSeconds, List<Action> actions, Map<String, Object> shown) {

        public boolean running() {
            return FieldServiceProcess.USER_TASK_TIMER_RUNNING.equals(stepKey);
        }

        public boolean confirmsTime() {
            return FieldServiceProcess.USER_TASK_CONFIRM_TIME.equals(stepKey);
        }

        public boolean fillsWorksheet() {
            return FieldServiceProcess.USER_TASK_WORKSHEET.equals(stepKey);
        }

        public boolean awaitsSignature() {
            return FieldServiceProcess.USER_TASK_CUSTOMER_SIGNS.equals(stepKey);
        }

        /** The time counted so far as a clock reads it: "1:35:07". */
        public String clock() {
            return elapsedSeconds == null ? null : "%d:%02d:%02d".formatted(elapsedSeconds / 3600,
                    elapsedSeconds / 60 % 60, elapsedSeconds % 60);
        }
    }

    /** A done task of theirs, to which time can still be added. */
    record Done(String number, String customer, String site) {
    }

    /**
     * A button. It completes the step with the form field the step's form would set (if any) and
     * the step's other inputs as typed on the page.
     */
    record Action(String value, String label, String field, Object fieldValue) {

        Action(String value, String label, String field) {
            this(value, label, field, value);
        }
    }

    private static final Action START = new Action("START", "Start", null);
    private static final Action PAUSE = new Action(FieldServiceProcess.PAUSE, "Pause", FieldServiceProcess.TIMER_ACTION);
    private static final Action RESUME = new Action(FieldServiceProcess.RESUME, "Resume",
            FieldServiceProcess.TIMER_ACTION);
    private static final Action STOP = new Action(FieldServiceProcess.STOP, "Stop", FieldServiceProcess.TIMER_ACTION);
    private static final Action CONFIRM = new Action("CONFIRM", "Confirm time", null);
    private static final Action SAVE = new Action("SAVE", "Save worksheet", null);
    private static final Action UNSIGNED = new Action("UNSIGNED", "Customer not here: send unsigned",
            FieldServiceProcess.SIGNATURE_WAIVED, true);
    private static final Action DONE = new Action(FieldServiceProcess.DONE, "Done", FieldServiceProcess.DONE_ACTION);
    private static final Action ADD_TIME = new Action(FieldServiceProcess.ADD_TIME, "Add time",
            FieldServiceProcess.DONE_ACTION);

    private static final Map<String, List<Action>> ACTIONS = Map.of(
            FieldServiceProcess.USER_TASK_START_WORK, List.of(START),
            FieldServiceProcess.USER_TASK_TIMER_RUNNING, List.of(PAUSE, STOP),
            FieldServiceProcess.USER_TASK_TIMER_PAUSED, List.of(RESUME, STOP),
            FieldServiceProcess.USER_TASK_CONFIRM_TIME, List.of(CONFIRM),
            FieldServiceProcess.USER_TASK_WORKSHEET, List.of(SAVE),
            FieldServiceProcess.USER_TASK_MARK_AS_DONE, List.of(DONE, ADD_TIME));

    /** The variables of a step the page shows: the outcome of the step before, a refusal, the step's figures. */
    private static final List<String> SHOWN = List.of(StepOutcome.VARIABLE, FieldServiceProcess.REFUSAL,
            FieldServiceProcess.ACTUAL_TIME, FieldServiceProcess.BILLED_TIME, FieldServiceProcess.WORK_DATE,
            FieldServiceProcess.ROUNDING_RULE, FieldServiceProcess.WORKSHEET_NOTES, FieldServiceProcess.MATERIALS_USED,
            FieldServiceProcess.AMENDMENT);

    /** How many of the technician's done tasks the page offers for time added after signing. */
    private static final int RECENTLY_DONE = 10;

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ActingUser acting;
    private final FieldTaskRepository fieldTasks;
    private final TimerRepository timers;
    private final FieldTaskSteps steps;
    private final MaterialChoices materials;
    private final Clock clock;

    TechnicianController(TaskService tasks, RuntimeService runtime, ActingUser acting, FieldTaskRepository fieldTasks,
                         TimerRepository timers, FieldTaskSteps steps, MaterialChoices materials, Clock clock) {
        this.materials = materials;
        this.tasks = tasks;
        this.runtime = runtime;
        this.acting = acting;
        this.fieldTasks = fieldTasks;
        this.timers = timers;
        this.steps = steps;
        this.clock = clock;
    }

    @GetMapping
    @Transactional(readOnly = true)
    public String page(Principal user, Model model) {
        List<Card> cards = tasks.createTaskQuery().processDefinitionKey(FieldServiceProcess.KEY)
                .taskAssignee(user.getName()).orderByTaskCreateTime().asc().list().stream()
                .map(this::card).toList();
        model.addAttribute("cards", cards);
        model.addAttribute("materials", materials.choices());
        model.addAttribute("slots", IntStream.rangeClosed(1, FieldServiceProcess.MATERIAL_SLOTS).boxed().toList());
        List<String> open = cards.stream().map(Card::number).toList();
        model.addAttribute("done", fieldTasks.findByTechnicianUserIdAndStateOrderByNumberDesc(user.getName(),
                        FieldTask.State.DONE, PageRequest.of(0, RECENTLY_DONE)).stream()
                .filter(task -> !open.contains(task.getNumber()))
                .map(task -> new Done(task.getNumber(), task.getCustomer().getName(), task.getSite())).toList());
        return "fieldservice/technician";
    }

    private Card card(Task task) {
        String number = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult().getBusinessKey();
        FieldTask fieldTask = fieldTasks.findByNumber(number).orElseThrow();
        Long elapsed = timers.findByEmployeeIdAndWorkItem(fieldTask.getTechnician().getId(), fieldTask.getWorkItem())
                .map(timer -> timer.elapsed(clock.instant()).toSeconds()).orElse(null);
        Map<String, Object> shown = new HashMap<>(tasks.getVariables(task.getId(), SHOWN));
        shown.values().removeIf(Objects::isNull);
        List<Action> actions = new ArrayList<>(ACTIONS.getOrDefault(task.getTaskDefinitionKey(), List.of()));
        if (FieldServiceProcess.USER_TASK_CUSTOMER_SIGNS.equals(task.getTaskDefinitionKey())
                && Boolean.TRUE.equals(shown.get(FieldServiceProcess.AMENDMENT))) {
            actions.add(UNSIGNED);
        }
        return new Card(task.getId(), fieldTask.getNumber(), fieldTask.getCustomer().getName(), fieldTask.getSite(),
                fieldTask.getDescription(), TaskNames.step(task.getName()), task.getTaskDefinitionKey(), elapsed, actions,
                shown);
    }

    /**
     * Completes the step the button belongs to, with the inputs its form in Tasklist takes (the
     * engine's guard checks them as it checks Tasklist's). A step no longer open, or a button it
     * does not offer, changes nothing and shows where things stand.
     */
    @PostMapping("/{taskId}/{action}")
    public String act(@PathVariable String taskId, @PathVariable String action,
                      @RequestParam MultiValueMap<String, String> typed, Principal user, RedirectAttributes flash) {
        Task task = tasks.createTaskQuery().taskId(taskId).taskAssignee(user.getName()).singleResult();
        Action chosen = task == null ? null : Stream.concat(ACTIONS.getOrDefault(task.getTaskDefinitionKey(),
                        List.of()).stream(), Stream.of(UNSIGNED)
                        .filter(unsigned -> FieldServiceProcess.USER_TASK_CUSTOMER_SIGNS.equals(task.getTaskDefinitionKey())))
                .filter(offered -> offered.value().equals(action)).findFirst().orElse(null);
        if (chosen == null) {
            flash.addFlashAttribute("error", "This step is no longer open: the page was out of date. Here is where things stand.");
            return "redirect:/tandem/technician";
        }
        Map<String, Object> form = StepInput.fromPage(FieldServiceProcess.INPUTS.ofTask(task.getTaskDefinitionKey()),
                typed::getFirst);
        if (chosen.field() != null) {
            form.put(chosen.field(), chosen.fieldValue());
        }
        try {
            acting.as(user.getName(), () -> {
                tasks.complete(taskId, form);
                return taskId;
            });
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

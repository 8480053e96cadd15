package dev.tandem.web;

import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tandem.common.BillingException;
import dev.tandem.common.HoursAndMinutes;
import dev.tandem.fieldservice.FieldTask;
import dev.tandem.fieldservice.FieldTaskRepository;
import dev.tandem.fieldservice.process.FieldServiceProcess;
import dev.tandem.fieldservice.process.FieldTaskSteps;
import dev.tandem.security.ActingUser;
import dev.tandem.timesheets.TimerRepository;

/**
 * The technician's page on site: their field tasks with big Start, Pause, Resume, Stop, Done and
 * Add time buttons and the way to the signature page. Each button completes the task the
 * field-service process waits on (the same task as in Tasklist), in the technician's name, so the
 * page and Tasklist never disagree. Done tasks offer Add time, for time added after signing.
 */
@Controller
@RequestMapping("/tandem/technician")
class TechnicianController {

    /** A field task as the technician sees it, with the buttons its process allows now. */
    record Card(String taskId, String number, String customer, String site, String description, String step,
                Long elapsedMinutes, List<Action> actions, boolean awaitsSignature, Object refusal) {

        /** The time counted so far as people read it: "1:35 h". */
        public String elapsed() {
            return elapsedMinutes == null ? null : HoursAndMinutes.of(elapsedMinutes) + " h";
        }
    }

    /** A done task of theirs, to which time can still be added. */
    record Done(String number, String customer, String site) {
    }

    /** A button: the value completes the step through the form field the step's form would set. */
    record Action(String value, String label, String field) {
    }

    private static final Action START = new Action("START", "Start", null);
    private static final Action PAUSE = new Action(FieldServiceProcess.PAUSE, "Pause", FieldServiceProcess.TIMER_ACTION);
    private static final Action RESUME = new Action(FieldServiceProcess.RESUME, "Resume",
            FieldServiceProcess.TIMER_ACTION);
    private static final Action STOP = new Action(FieldServiceProcess.STOP, "Stop", FieldServiceProcess.TIMER_ACTION);
    private static final Action DONE = new Action(FieldServiceProcess.DONE, "Done", FieldServiceProcess.DONE_ACTION);
    private static final Action ADD_TIME = new Action(FieldServiceProcess.ADD_TIME, "Add time",
            FieldServiceProcess.DONE_ACTION);

    private static final Map<String, List<Action>> ACTIONS = Map.of(
            FieldServiceProcess.USER_TASK_START_WORK, List.of(START),
            FieldServiceProcess.USER_TASK_TIMER_RUNNING, List.of(PAUSE, STOP),
            FieldServiceProcess.USER_TASK_TIMER_PAUSED, List.of(RESUME, STOP),
            FieldServiceProcess.USER_TASK_MARK_AS_DONE, List.of(DONE, ADD_TIME));

    /** How many of the technician's done tasks the page offers for time added after signing. */
    private static final int RECENTLY_DONE = 10;

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ActingUser acting;
    private final FieldTaskRepository fieldTasks;
    private final TimerRepository timers;
    private final FieldTaskSteps steps;
    private final Clock clock;

    TechnicianController(TaskService tasks, RuntimeService runtime, ActingUser acting, FieldTaskRepository fieldTasks,
                         TimerRepository timers, FieldTaskSteps steps, Clock clock) {
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
        List<String> open = cards.stream().map(Card::number).toList();
        model.addAttribute("done", fieldTasks.findByTechnicianUserIdAndStateOrderByNumberDesc(user.getName(),
                        FieldTask.State.DONE, PageRequest.of(0, RECENTLY_DONE)).stream()
                .filter(task -> !open.contains(task.getNumber()))
                .map(task -> new Done(task.getNumber(), task.getCustomer().getName(), task.getSite())).toList());
        return "web/technician";
    }

    private Card card(Task task) {
        String number = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult().getBusinessKey();
        FieldTask fieldTask = fieldTasks.findByNumber(number).orElseThrow();
        Long elapsed = timers.findByEmployeeIdAndWorkItem(fieldTask.getTechnician().getId(), fieldTask.getWorkItem())
                .map(timer -> timer.elapsed(clock.instant()).toMinutes()).orElse(null);
        return new Card(task.getId(), fieldTask.getNumber(), fieldTask.getCustomer().getName(), fieldTask.getSite(),
                fieldTask.getDescription(), task.getName(), elapsed,
                ACTIONS.getOrDefault(task.getTaskDefinitionKey(), List.of()),
                FieldServiceProcess.USER_TASK_CUSTOMER_SIGNS.equals(task.getTaskDefinitionKey()),
                tasks.getVariable(task.getId(), FieldServiceProcess.REFUSAL));
    }

    @PostMapping("/{taskId}/{action}")
    public String act(@PathVariable String taskId, @PathVariable String action, Principal user,
                      RedirectAttributes flash) {
        Task task = tasks.createTaskQuery().taskId(taskId).taskAssignee(user.getName()).singleResult();
        Action chosen = task == null ? null : ACTIONS.getOrDefault(task.getTaskDefinitionKey(), List.of()).stream()
                .filter(offered -> offered.value().equals(action)).findFirst().orElse(null);
        if (chosen == null) {
            flash.addFlashAttribute("error", "This step is no longer open: the page was out of date. Here is where things stand.");
            return "redirect:/tandem/technician";
        }
        Map<String, Object> form = chosen.field() == null ? Map.of() : Map.of(chosen.field(), chosen.value());
        try {
            acting.as(user.getName(), () -> {
                tasks.complete(taskId, form);
                return taskId;
            });
        } catch (BillingException | ProcessEngineException refused) {
            flash.addFlashAttribute("error", refused.getMessage());
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

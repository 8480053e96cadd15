package dev.tandem.web;

import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tandem.common.BillingException;
import dev.tandem.fieldservice.FieldTask;
import dev.tandem.fieldservice.FieldTaskRepository;
import dev.tandem.fieldservice.process.FieldServiceProcess;
import dev.tandem.security.ActingUser;
import dev.tandem.timesheets.TimerRepository;

/**
 * The technician's page on site: their field tasks with big Start, Pause, Resume and Stop
 * buttons. Each button completes the task the field-service process waits on (the same task as
 * in Tasklist), in the technician's name, so the page and Tasklist never disagree.
 */
@Controller
@RequestMapping("/tandem/technician")
class TechnicianController {

    /** A field task as the technician sees it, with the buttons its process allows now. */
    record Card(String taskId, String number, String customer, String site, String description, String step,
                Long elapsedMinutes, List<String> actions) {
    }

    private static final Map<String, List<String>> ACTIONS = Map.of(
            FieldServiceProcess.USER_TASK_START_WORK, List.of("START"),
            FieldServiceProcess.USER_TASK_TIMER_RUNNING, List.of(FieldServiceProcess.PAUSE, FieldServiceProcess.STOP),
            FieldServiceProcess.USER_TASK_TIMER_PAUSED, List.of(FieldServiceProcess.RESUME, FieldServiceProcess.STOP));

    private final TaskService tasks;
    private final ActingUser acting;
    private final FieldTaskRepository fieldTasks;
    private final TimerRepository timers;
    private final Clock clock;

    TechnicianController(TaskService tasks, ActingUser acting, FieldTaskRepository fieldTasks,
                         TimerRepository timers, Clock clock) {
        this.tasks = tasks;
        this.acting = acting;
        this.fieldTasks = fieldTasks;
        this.timers = timers;
        this.clock = clock;
    }

    @GetMapping
    @Transactional(readOnly = true)
    public String page(Principal user, Model model) {
        List<Card> cards = tasks.createTaskQuery().processDefinitionKey(FieldServiceProcess.KEY)
                .taskAssignee(user.getName()).orderByTaskCreateTime().asc().list().stream()
                .map(this::card).toList();
        model.addAttribute("cards", cards);
        return "web/technician";
    }

    private Card card(Task task) {
        FieldTask fieldTask = fieldTasks.findById((Long) tasks.getVariable(task.getId(),
                FieldServiceProcess.FIELD_TASK_ID)).orElseThrow();
        Long elapsed = timers.findByEmployeeIdAndWorkItem(fieldTask.getTechnician().getId(), fieldTask.getWorkItem())
                .map(timer -> timer.elapsed(clock.instant()).toMinutes()).orElse(null);
        return new Card(task.getId(), fieldTask.getNumber(), fieldTask.getCustomer().getName(), fieldTask.getSite(),
                fieldTask.getDescription(), task.getName(), elapsed,
                ACTIONS.getOrDefault(task.getTaskDefinitionKey(), List.of()));
    }

    @PostMapping("/{taskId}/{action}")
    public String act(@PathVariable String taskId, @PathVariable String action, Principal user,
                      RedirectAttributes flash) {
        Task task = tasks.createTaskQuery().taskId(taskId).taskAssignee(user.getName()).singleResult();
        if (task == null || !ACTIONS.getOrDefault(task.getTaskDefinitionKey(), List.of()).contains(action)) {
            flash.addFlashAttribute("error", "This step is no longer open: the page was out of date. Here is where things stand.");
            return "redirect:/tandem/technician";
        }
        Map<String, Object> form = "START".equals(action) ? Map.of() : Map.of(FieldServiceProcess.TIMER_ACTION, action);
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
}

package dev.tandem.fieldservice.process;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.common.ActingUser;
import dev.tandem.common.StepInput;
import dev.tandem.common.StepOutcome;
import dev.tandem.common.TaskNames;
import dev.tandem.fieldservice.FieldTask;
import dev.tandem.fieldservice.FieldTaskRepository;
import dev.tandem.timesheets.TimerRepository;

/**
 * The technician's interventions as the technician page shows them, and its buttons: each button
 * completes the task the field-service process waits on (the same task and inputs as in
 * Tasklist), in the technician's name, so the page and Tasklist never disagree.
 */
@Service
public class TechnicianDesk {

    /** What the page shows: the open interventions, the done ones time can be added to, the materials. */
    public record Desk(List<Card> cards, List<Done> done, List<MaterialChoices.Choice> materials,
                       List<Integer> slots) {
    }

    /**
     * A field task as the technician sees it, with what its step needs: the buttons its process
     * allows now, the time counted (a live clock while it runs), and the step's own fields.
     */
    public record Card(String taskId, String number, String customer, String site, String description, String step,
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
    public record Done(String number, String customer, String site) {
    }

    /**
     * A button. It completes the step with the form field the step's form would set (if any) and
     * the step's other inputs as typed on the page.
     */
    public record Action(String value, String label, String field, Object fieldValue) {

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
    private final MaterialChoices materials;
    private final Clock clock;

    TechnicianDesk(TaskService tasks, RuntimeService runtime, ActingUser acting, FieldTaskRepository fieldTasks,
                   TimerRepository timers, MaterialChoices materials, Clock clock) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.acting = acting;
        this.fieldTasks = fieldTasks;
        this.timers = timers;
        this.materials = materials;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Desk of(String user) {
        List<Card> cards = tasks.createTaskQuery().processDefinitionKey(FieldServiceProcess.KEY)
                .taskAssignee(user).orderByTaskCreateTime().asc().list().stream()
                .map(this::card).toList();
        List<String> open = cards.stream().map(Card::number).toList();
        List<Done> done = fieldTasks.findByTechnicianUserIdAndStateOrderByNumberDesc(user, FieldTask.State.DONE,
                        PageRequest.of(0, RECENTLY_DONE)).stream()
                .filter(task -> !open.contains(task.getNumber()))
                .map(task -> new Done(task.getNumber(), task.getCustomer().getName(), task.getSite())).toList();
        return new Desk(cards, done, materials.choices(),
                IntStream.rangeClosed(1, FieldServiceProcess.MATERIAL_SLOTS).boxed().toList());
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
     * Completes the step a button belongs to, with the inputs its form in Tasklist takes (the
     * engine's guard checks them as it checks Tasklist's). False, and nothing changed, when the
     * step is no longer open to this technician or does not offer that button.
     */
    public boolean press(String user, String taskId, String action, Function<String, String> typed) {
        Task task = tasks.createTaskQuery().taskId(taskId).taskAssignee(user).singleResult();
        Action chosen = task == null ? null : Stream.concat(ACTIONS.getOrDefault(task.getTaskDefinitionKey(),
                        List.of()).stream(), Stream.of(UNSIGNED)
                        .filter(unsigned -> FieldServiceProcess.USER_TASK_CUSTOMER_SIGNS.equals(task.getTaskDefinitionKey())))
                .filter(offered -> offered.value().equals(action)).findFirst().orElse(null);
        if (chosen == null) {
            return false;
        }
        Map<String, Object> form = StepInput.fromPage(FieldServiceProcess.INPUTS.ofTask(task.getTaskDefinitionKey()),
                typed);
        if (chosen.field() != null) {
            form.put(chosen.field(), chosen.fieldValue());
        }
        acting.as(user, () -> {
            tasks.complete(taskId, form);
            return taskId;
        });
        return true;
    }
}

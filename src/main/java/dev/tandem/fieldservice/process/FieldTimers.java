package dev.tandem.fieldservice.process;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import dev.tandem.fieldservice.FieldTask;
import dev.tandem.fieldservice.FieldTaskRepository;
import dev.tandem.fieldservice.WorksheetService;
import dev.tandem.timesheets.TimeRounding;
import dev.tandem.timesheets.TimeRoundingRules;
import dev.tandem.timesheets.Timer;
import dev.tandem.timesheets.TimerService;
import dev.tandem.timesheets.TimesheetEntry;
import dev.tandem.timesheets.TimesheetService;

/**
 * The field-service timer steps: the technician's timer on the task, started, paused, resumed and
 * stopped on the server. Starting or resuming pauses the technician's timer elsewhere, and that
 * task's process hears of it, so its Tasklist task says "paused" too.
 */
@Component
public class FieldTimers {

    private final TimerService timers;
    private final TimeRoundingRules rounding;
    private final FieldTaskRepository tasks;
    private final RuntimeService runtime;
    private final TimesheetService timesheets;
    private final WorksheetService worksheets;

    FieldTimers(TimerService timers, TimeRoundingRules rounding, FieldTaskRepository tasks, RuntimeService runtime,
                TimesheetService timesheets, WorksheetService worksheets) {
        this.timers = timers;
        this.worksheets = worksheets;
        this.timesheets = timesheets;
        this.rounding = rounding;
        this.tasks = tasks;
        this.runtime = runtime;
    }

    /**
     * The field task of this instance, by its business key: never by an id a person could have
     * sent. A missing task is a technical failure, not something the technician can fix.
     */
    FieldTask task(DelegateExecution execution) {
        return tasks.ofInstance(execution.getProcessBusinessKey());
    }

    public Timer start(FieldTask task) {
        List<String> runningBefore = timers.runningWorkItems(task.getTechnician().getId());
        Timer timer = timers.start(task.getTechnician().getId(), task.getWorkItem());
        tellPaused(runningBefore, task);
        return timer;
    }

    public Timer resume(FieldTask task) {
        List<String> runningBefore = timers.runningWorkItems(task.getTechnician().getId());
        Timer timer = timers.resume(task.getTechnician().getId(), task.getWorkItem());
        tellPaused(runningBefore, task);
        return timer;
    }

    public Timer pause(FieldTask task) {
        return timers.pause(task.getTechnician().getId(), task.getWorkItem());
    }

    public TimerService.StoppedTimer stop(FieldTask task) {
        TimeRounding rule = rounding.forWork(task.getCustomer().getName());
        return timers.stop(task.getTechnician().getId(), task.getWorkItem(), rule);
    }

    /**
     * Records the stopped timer's time as the technician's entry: minutes, dates and rounding as
     * the timer row measured them when it stopped.
     */
    public TimesheetEntry record(FieldTask task, String description) {
        Long technician = task.getTechnician().getId();
        TimerService.StoppedTimer stopped = timers.stopped(technician, task.getWorkItem());
        return timesheets.recordTimer(technician, worksheets.timeTarget(task.getId()), stopped, description);
    }

    private void tellPaused(List<String> runningBefore, FieldTask task) {
        runningBefore.stream()
                .filter(workItem -> !workItem.equals(task.getWorkItem()))
                .flatMap(workItem -> FieldTask.numberOf(workItem).stream())
                .forEach(number -> runtime.createMessageCorrelation(FieldServiceProcess.MESSAGE_TIMER_PAUSED)
                        .processInstanceBusinessKey(number).correlateAll());
    }
}

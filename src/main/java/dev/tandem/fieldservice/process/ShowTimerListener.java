package dev.tandem.fieldservice.process;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import dev.tandem.common.HoursAndMinutes;
import dev.tandem.fieldservice.FieldTask;
import dev.tandem.fieldservice.FieldTaskRepository;
import dev.tandem.timesheets.TimerRepository;

/** Puts the timer on the "Timer running" and "Timer paused" tasks: since when, and the minutes counted so far. */
@Component("showTimer")
class ShowTimerListener implements TaskListener {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final FieldTaskRepository tasks;
    private final TimerRepository timers;
    private final Clock clock;

    ShowTimerListener(FieldTaskRepository tasks, TimerRepository timers, Clock clock) {
        this.tasks = tasks;
        this.timers = timers;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        FieldTask fieldTask = tasks.ofInstance(task.getExecution().getProcessBusinessKey());
        timers.findByEmployeeIdAndWorkItem(fieldTask.getTechnician().getId(), fieldTask.getWorkItem()).ifPresent(timer -> {
            Instant now = clock.instant();
            task.setVariable(FieldServiceProcess.TIMER_STARTED_AT,
                    SHOWN.format(timer.getStartedAt().atZone(fieldTask.getTechnician().getTimeZone())));
            task.setVariable(FieldServiceProcess.ELAPSED_MINUTES, timer.elapsed(now).toMinutes());
            task.setVariable(FieldServiceProcess.ELAPSED_TIME, HoursAndMinutes.of(timer.elapsed(now).toMinutes()) + " h");
        });
    }
}

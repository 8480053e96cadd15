package dev.tandem.fieldservice.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.common.HoursAndMinutes;
import dev.tandem.fieldservice.FieldTask;
import dev.tandem.timesheets.TimerService;

/**
 * Stops the timer; its row keeps what it measured. The form of "Confirm time spent" shows the actual
 * and the billed minutes and the rounding rule; what is recorded is read from the row again.
 */
@Component("stopTimer")
class StopTimerDelegate implements JavaDelegate {

    private final FieldTimers timers;

    StopTimerDelegate(FieldTimers timers) {
        this.timers = timers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FieldTask task = timers.task(execution);
        TimerService.StoppedTimer stopped = timers.stop(task);
        execution.setVariable(FieldServiceProcess.ACTUAL_MINUTES, stopped.actualMinutes());
        execution.setVariable(FieldServiceProcess.BILLED_MINUTES, stopped.billedMinutes());
        execution.setVariable(FieldServiceProcess.ACTUAL_TIME, HoursAndMinutes.of(stopped.actualMinutes()) + " h");
        execution.setVariable(FieldServiceProcess.BILLED_TIME, HoursAndMinutes.withDecimal(stopped.billedMinutes()));
        execution.setVariable(FieldServiceProcess.WORK_DATE, stopped.workDate().toString());
        execution.setVariable(FieldServiceProcess.ROUNDING_RULE, stopped.rounding().describe());
    }
}

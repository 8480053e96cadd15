package dev.tandem.fieldservice.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.fieldservice.FieldTask;
import dev.tandem.timesheets.TimerService;

/** Stops the timer and keeps what it measured, actual and rounded, for the technician to confirm. */
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
        execution.setVariable(FieldServiceProcess.STOPPED_STARTED_AT, stopped.startedAt().toString());
        execution.setVariable(FieldServiceProcess.STOPPED_ENDED_AT, stopped.endedAt().toString());
        execution.setVariable(FieldServiceProcess.ACTUAL_MINUTES, stopped.actualMinutes());
        execution.setVariable(FieldServiceProcess.BILLED_MINUTES, stopped.billedMinutes());
        execution.setVariable(FieldServiceProcess.WORK_DATE, stopped.workDate().toString());
        execution.setVariable(FieldServiceProcess.ROUNDING_MINIMUM, stopped.rounding().minimumMinutes());
        execution.setVariable(FieldServiceProcess.ROUNDING_STEP, stopped.rounding().stepMinutes());
        execution.setVariable(FieldServiceProcess.ROUNDING_RULE_NAME, stopped.rounding().rule());
        execution.setVariable(FieldServiceProcess.ROUNDING_RULE, stopped.rounding().describe());
    }
}

package dev.tandem.fieldservice.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The technician is on site: the timer starts, and their timer elsewhere pauses. */
@Component("startTimer")
class StartTimerDelegate implements JavaDelegate {

    private final FieldTimers timers;

    StartTimerDelegate(FieldTimers timers) {
        this.timers = timers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        timers.start(timers.task(execution));
        // Coming back from "Mark as done" with ADD_TIME: the next Mark as done starts from its default again.
        execution.removeVariable(FieldServiceProcess.DONE_ACTION);
    }
}

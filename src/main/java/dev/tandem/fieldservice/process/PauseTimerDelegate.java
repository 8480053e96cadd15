package dev.tandem.fieldservice.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The technician pauses the timer; paused time is not billed. */
@Component("pauseTimer")
class PauseTimerDelegate implements JavaDelegate {

    private final FieldTimers timers;

    PauseTimerDelegate(FieldTimers timers) {
        this.timers = timers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        timers.pause(timers.task(execution));
    }
}

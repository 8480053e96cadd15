package dev.tandem.fieldservice.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The technician resumes; their timer elsewhere pauses. */
@Component("resumeTimer")
class ResumeTimerDelegate implements JavaDelegate {

    private final FieldTimers timers;

    ResumeTimerDelegate(FieldTimers timers) {
        this.timers = timers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        timers.resume(timers.task(execution));
    }
}

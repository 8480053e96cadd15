package dev.tandem.fieldservice.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.fieldservice.FieldTaskService;

/** Mark as done: validates the stock picking; a refusal (timer running, stock short) goes back to the technician. */
@Component("markFieldTaskDone")
class MarkFieldTaskDoneDelegate implements JavaDelegate {

    private final FieldTaskService fieldTasks;

    private final FieldTimers timers;

    MarkFieldTaskDoneDelegate(FieldTaskService fieldTasks, FieldTimers timers) {
        this.timers = timers;
        this.fieldTasks = fieldTasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        fieldTasks.markDone(timers.task(execution).getId());
    }
}

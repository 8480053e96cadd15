package dev.tandem.fieldservice.process;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.common.BillingException;
import dev.tandem.fieldservice.FieldTaskService;

/** Mark as done: validates the stock picking; a refusal (timer running, stock short) goes back to the technician. */
@Component("markFieldTaskDone")
class MarkFieldTaskDoneDelegate implements JavaDelegate {

    private final FieldTaskService fieldTasks;

    MarkFieldTaskDoneDelegate(FieldTaskService fieldTasks) {
        this.fieldTasks = fieldTasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        try {
            fieldTasks.markDone((Long) execution.getVariable(FieldServiceProcess.FIELD_TASK_ID));
            execution.removeVariable(FieldServiceProcess.REFUSAL);
        } catch (BillingException refused) {
            throw new BpmnError(FieldServiceProcess.ERROR_REFUSED, refused.getMessage());
        }
    }
}

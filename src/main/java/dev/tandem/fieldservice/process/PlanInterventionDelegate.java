package dev.tandem.fieldservice.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.common.FormValues;
import dev.tandem.fieldservice.FieldTask;
import dev.tandem.fieldservice.FieldTaskService;

/** Plans the intervention from the start form; a refusal fails the start with its message. */
@Component("planIntervention")
class PlanInterventionDelegate implements JavaDelegate {

    private final FieldTaskService fieldTasks;

    PlanInterventionDelegate(FieldTaskService fieldTasks) {
        this.fieldTasks = fieldTasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FieldTask task = fieldTasks.plan(FormValues.text(execution.getVariable(FieldServiceProcess.CUSTOMER_NAME)),
                FormValues.text(execution.getVariable(FieldServiceProcess.ORDER_NUMBER)),
                FormValues.text(execution.getVariable(FieldServiceProcess.TECHNICIAN)),
                FormValues.text(execution.getVariable(FieldServiceProcess.SITE)),
                FormValues.text(execution.getVariable(FieldServiceProcess.DESCRIPTION)),
                FormValues.date(execution.getVariable(FieldServiceProcess.PLANNED_DATE), "The planned date"));
        execution.setProcessBusinessKey(task.getNumber());
        execution.setVariable(FieldServiceProcess.FIELD_TASK_NUMBER, task.getNumber());
    }
}

package dev.tandem.fieldservice.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import dev.tandem.fieldservice.FieldTaskRepository;

/**
 * Every step of an intervention belongs to the field task's technician, as planned: they get it at
 * once, and the engine guard lets nobody else claim or complete it.
 */
@Component("assignTechnician")
class AssignTechnicianListener implements TaskListener {

    private final FieldTaskRepository fieldTasks;

    AssignTechnicianListener(FieldTaskRepository fieldTasks) {
        this.fieldTasks = fieldTasks;
    }

    @Override
    public void notify(DelegateTask task) {
        String number = task.getExecution().getProcessBusinessKey();
        task.setAssignee(fieldTasks.findByNumber(number)
                .orElseThrow(() -> new IllegalStateException("No field task " + number + " for this instance"))
                .getTechnician().getUserId());
    }
}

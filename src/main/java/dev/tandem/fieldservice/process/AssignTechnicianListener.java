package dev.tandem.fieldservice.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The planned technician gets the task at once; the technicians group can still take it over. */
@Component("assignTechnician")
class AssignTechnicianListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        task.setAssignee((String) task.getVariable(FieldServiceProcess.TECHNICIAN));
    }
}

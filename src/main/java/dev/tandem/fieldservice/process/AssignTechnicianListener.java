package dev.tandem.fieldservice.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Every step of an intervention is assigned to its owner, the planned technician, at once; the
 * engine guard lets nobody else claim or complete it.
 */
@Component("assignTechnician")
class AssignTechnicianListener implements TaskListener {

    private final TechnicianOwnsSteps owner;

    AssignTechnicianListener(TechnicianOwnsSteps owner) {
        this.owner = owner;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setAssignee(owner.ownerOf(task.getExecution().getProcessBusinessKey()));
    }
}

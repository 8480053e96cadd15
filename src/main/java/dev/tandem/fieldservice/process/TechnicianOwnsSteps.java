package dev.tandem.fieldservice.process;

import org.springframework.stereotype.Component;

import dev.tandem.common.StepOwner;
import dev.tandem.fieldservice.FieldTaskRepository;

/** Every step of an intervention belongs to the field task's planned technician. */
@Component
class TechnicianOwnsSteps implements StepOwner {

    private final FieldTaskRepository fieldTasks;

    TechnicianOwnsSteps(FieldTaskRepository fieldTasks) {
        this.fieldTasks = fieldTasks;
    }

    @Override
    public String processKey() {
        return FieldServiceProcess.KEY;
    }

    @Override
    public String ownerOf(String businessKey) {
        return fieldTasks.ofInstance(businessKey).getTechnician().getUserId();
    }
}

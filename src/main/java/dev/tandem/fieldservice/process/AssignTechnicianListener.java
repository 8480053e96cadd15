package dev.tandem.fieldservice.process;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import dev.tandem.common.Company;
import dev.tandem.fieldservice.FieldTaskRepository;

/**
 * Every step of an intervention is assigned to its owner, the planned technician, at once; the
 * engine guard lets nobody else claim or complete it. A planned intervention's steps are due by the
 * end of the planned day, so that Tasklist lists them in the order of the technician's days.
 */
@Component("assignTechnician")
class AssignTechnicianListener implements TaskListener {

    private final TechnicianOwnsSteps owner;
    private final FieldTaskRepository fieldTasks;
    private final Company company;

    AssignTechnicianListener(TechnicianOwnsSteps owner, FieldTaskRepository fieldTasks, Company company) {
        this.owner = owner;
        this.fieldTasks = fieldTasks;
        this.company = company;
    }

    @Override
    public void notify(DelegateTask task) {
        String number = task.getExecution().getProcessBusinessKey();
        task.setAssignee(owner.ownerOf(number));
        LocalDate planned = fieldTasks.ofInstance(number).getPlannedDate();
        // Time added after the task was done is no longer due on the planned day.
        if (planned != null && !Boolean.TRUE.equals(task.getVariable(FieldServiceProcess.REOPENED))) {
            task.setDueDate(Date.from(planned.atTime(LocalTime.of(23, 59)).atZone(company.timeZone()).toInstant()));
        }
    }
}

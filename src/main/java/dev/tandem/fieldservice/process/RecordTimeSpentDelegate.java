package dev.tandem.fieldservice.process;

import java.time.Instant;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.common.BillingException;
import dev.tandem.common.FormValues;
import dev.tandem.timesheets.TimeRounding;
import dev.tandem.timesheets.TimerService;
import dev.tandem.timesheets.TimesheetEntry;
import dev.tandem.timesheets.TimesheetService;
import dev.tandem.timesheets.TimesheetTarget;

/**
 * Records the confirmed time as the technician's timesheet entry on the task; a refusal goes back
 * to them. Time recorded after the customer signed is an amendment, which skips the worksheet.
 */
@Component("recordTimeSpent")
class RecordTimeSpentDelegate implements JavaDelegate {

    private final FieldTimers timers;
    private final TimesheetService timesheets;

    RecordTimeSpentDelegate(FieldTimers timers, TimesheetService timesheets) {
        this.timers = timers;
        this.timesheets = timesheets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        try {
            TimesheetEntry entry = timesheets.recordTimer(timers.task(execution).getTechnician().getId(),
                    TimesheetTarget.fieldTask((Long) execution.getVariable(FieldServiceProcess.FIELD_TASK_ID)),
                    new TimerService.StoppedTimer(
                            Instant.parse((String) execution.getVariable(FieldServiceProcess.STOPPED_STARTED_AT)),
                            Instant.parse((String) execution.getVariable(FieldServiceProcess.STOPPED_ENDED_AT)),
                            (Integer) execution.getVariable(FieldServiceProcess.ACTUAL_MINUTES),
                            (Integer) execution.getVariable(FieldServiceProcess.BILLED_MINUTES),
                            LocalDate.parse((String) execution.getVariable(FieldServiceProcess.WORK_DATE)),
                            new TimeRounding((Integer) execution.getVariable(FieldServiceProcess.ROUNDING_MINIMUM),
                                    (Integer) execution.getVariable(FieldServiceProcess.ROUNDING_STEP),
                                    (String) execution.getVariable(FieldServiceProcess.ROUNDING_RULE_NAME))),
                    FormValues.text(execution.getVariable(FieldServiceProcess.TIME_DESCRIPTION)));
            execution.setVariable(FieldServiceProcess.AMENDMENT, entry.isAmendment());
            execution.removeVariable(FieldServiceProcess.REFUSAL);
        } catch (BillingException refused) {
            throw new BpmnError(FieldServiceProcess.ERROR_REFUSED, refused.getMessage());
        }
    }
}

package dev.tandem.fieldservice.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.common.FormValues;
import dev.tandem.common.HoursAndMinutes;
import dev.tandem.common.StepOutcome;
import dev.tandem.timesheets.TimesheetEntry;

/**
 * Records the confirmed time as the technician's timesheet entry on the task: the minutes, dates
 * and rounding come from the stopped timer's row; only the description comes from the form. A
 * refusal goes back to the technician. Time recorded after the customer signed is an amendment,
 * which skips the worksheet.
 */
@Component("recordTimeSpent")
class RecordTimeSpentDelegate implements JavaDelegate {

    private final FieldTimers timers;

    RecordTimeSpentDelegate(FieldTimers timers) {
        this.timers = timers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TimesheetEntry entry = timers.record(timers.task(execution),
                FormValues.text(execution.getVariable(FieldServiceProcess.TIME_DESCRIPTION)));
        execution.setVariable(FieldServiceProcess.AMENDMENT, entry.isAmendment());
        StepOutcome.tell(execution, "%s recorded on %s%s.".formatted(HoursAndMinutes.withDecimal(entry.getBilledMinutes()),
                entry.getSalesOrderLine().getOrder().getNumber(),
                entry.isAmendment() ? ", added after the customer signed: they are told in a new report" : ""));
    }
}

package dev.tandem.timesheets.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.common.FormValues;
import dev.tandem.timesheets.TimesheetEntry;
import dev.tandem.timesheets.TimesheetService;

/**
 * Records the form's entry through the billing core. A refusal goes back to the person as a
 * BPMN error the model catches, with the message on the form.
 */
@Component("recordTimesheetEntry")
class RecordTimesheetEntryDelegate implements JavaDelegate {

    private final TimesheetService timesheets;
    private final OrderEvents orderEvents;

    RecordTimesheetEntryDelegate(TimesheetService timesheets, OrderEvents orderEvents) {
        this.timesheets = timesheets;
        this.orderEvents = orderEvents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TimesheetEntry entry = timesheets.logOnOrder((String) execution.getVariable(LogTimeProcess.LOGGED_BY),
                execution.getProcessBusinessKey(),
                FormValues.date(execution.getVariable(LogTimeProcess.WORK_DATE), "The work date"),
                FormValues.minutes(execution.getVariable(LogTimeProcess.HOURS), "The time spent"),
                (String) execution.getVariable(LogTimeProcess.DESCRIPTION));
        execution.setVariable(LogTimeProcess.ENTRY_ID, entry.getId());
        // Prepaid support hears of it, to ask the salesperson for more hours when they run out.
        orderEvents.timeRecorded(entry.getSalesOrderLine().getId());
    }
}

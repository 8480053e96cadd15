package dev.tandem.timesheets.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.catalog.Employee;
import dev.tandem.catalog.EmployeeRepository;
import dev.tandem.common.FormValues;
import dev.tandem.sales.SalesOrderRepository;
import dev.tandem.timesheets.TimesheetEntry;
import dev.tandem.timesheets.TimesheetService;
import dev.tandem.timesheets.TimesheetTarget;

/**
 * Records the form's entry through the billing core. A refusal goes back to the person as a
 * BPMN error the model catches, with the message on the form.
 */
@Component("recordTimesheetEntry")
class RecordTimesheetEntryDelegate implements JavaDelegate {

    private final TimesheetService timesheets;
    private final EmployeeRepository employees;
    private final OrderEvents orderEvents;
    private final SalesOrderRepository orders;

    RecordTimesheetEntryDelegate(TimesheetService timesheets, EmployeeRepository employees, OrderEvents orderEvents,
                                 SalesOrderRepository orders) {
        this.orders = orders;
        this.timesheets = timesheets;
        this.employees = employees;
        this.orderEvents = orderEvents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String userId = (String) execution.getVariable(LogTimeProcess.LOGGED_BY);
        Employee employee = employees.ofUser(userId);
        TimesheetEntry entry = timesheets.recordMinutes(employee.getId(),
                TimesheetTarget.orderLine(orders.ofInstance(execution.getProcessBusinessKey()).hoursLine().getId()),
                FormValues.date(execution.getVariable(LogTimeProcess.WORK_DATE), "The work date"),
                FormValues.minutes(execution.getVariable(LogTimeProcess.HOURS), "The time spent"),
                (String) execution.getVariable(LogTimeProcess.DESCRIPTION));
        execution.setVariable(LogTimeProcess.ENTRY_ID, entry.getId());
        orderEvents.timeRecorded(entry.getSalesOrderLine() == null ? null : entry.getSalesOrderLine().getId());
    }
}

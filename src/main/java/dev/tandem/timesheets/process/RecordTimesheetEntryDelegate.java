package dev.tandem.timesheets.process;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.catalog.Employee;
import dev.tandem.catalog.EmployeeRepository;
import dev.tandem.common.BillingException;
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

    RecordTimesheetEntryDelegate(TimesheetService timesheets, EmployeeRepository employees) {
        this.timesheets = timesheets;
        this.employees = employees;
    }

    @Override
    public void execute(DelegateExecution execution) {
        try {
            String userId = (String) execution.getVariable(LogTimeProcess.LOGGED_BY);
            Employee employee = employees.findByUserId(userId)
                    .orElseThrow(() -> new BillingException("User %s is not an employee: time cannot be logged in their name."
                            .formatted(userId)));
            TimesheetEntry entry = timesheets.recordHours(employee.getId(),
                    TimesheetTarget.orderLine((Long) execution.getVariable(LogTimeProcess.ORDER_LINE_ID)),
                    workDate(execution.getVariable(LogTimeProcess.WORK_DATE)),
                    hours(execution.getVariable(LogTimeProcess.HOURS)),
                    (String) execution.getVariable(LogTimeProcess.DESCRIPTION));
            execution.setVariable(LogTimeProcess.ENTRY_ID, entry.getId());
            execution.removeVariable(LogTimeProcess.REFUSAL);
        } catch (BillingException refused) {
            throw new BpmnError(LogTimeProcess.ERROR_REFUSED, refused.getMessage());
        }
    }

    /** Camunda Forms send a date as text, "2026-11-20". */
    private static LocalDate workDate(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.toString().strip());
        } catch (DateTimeParseException e) {
            throw new BillingException("The work date must be a date like 2026-11-20, not " + value + ".");
        }
    }

    /** A number field sends an Integer or a Double; both become exact decimals. */
    private static BigDecimal hours(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new BillingException("The hours must be a number, not " + value + ".");
        }
    }
}

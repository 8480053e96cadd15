package dev.tandem.helpdesk.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.catalog.Employee;
import dev.tandem.catalog.EmployeeRepository;
import dev.tandem.common.BillingException;
import dev.tandem.common.FormValues;
import dev.tandem.common.HoursAndMinutes;
import dev.tandem.helpdesk.TicketRepository;
import dev.tandem.helpdesk.TicketService;
import dev.tandem.timesheets.process.OrderEvents;
import dev.tandem.timesheets.TimesheetEntry;
import dev.tandem.timesheets.TimesheetService;

/**
 * Records the round's entry of "Work on ticket" through the billing core, which refuses before it
 * writes: a refusal gives the person the form back with the reason and the entry as typed. A round
 * with its fields left empty records nothing (it may only resolve the ticket). Afterwards the
 * salesperson is asked for more hours when due.
 */
@Component("recordTicketTime")
class RecordTicketTimeDelegate implements JavaDelegate {

    private final TimesheetService timesheets;
    private final EmployeeRepository employees;
    private final TicketRepository tickets;
    private final TicketService ticketService;
    private final OrderEvents orderEvents;

    RecordTicketTimeDelegate(TimesheetService timesheets, EmployeeRepository employees, TicketRepository tickets,
                             TicketService ticketService, OrderEvents orderEvents) {
        this.timesheets = timesheets;
        this.employees = employees;
        this.tickets = tickets;
        this.ticketService = ticketService;
        this.orderEvents = orderEvents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object workDate = execution.getVariable(SupportTicketProcess.WORK_DATE);
        Object hours = execution.getVariable(SupportTicketProcess.HOURS);
        String description = FormValues.text(execution.getVariable(SupportTicketProcess.WORK_DESCRIPTION));
        String employee = FormValues.text(execution.getVariable(SupportTicketProcess.EMPLOYEE));
        if (FormValues.text(workDate) == null && FormValues.text(hours) == null && description == null
                && employee == null) {
            return;
        }
        String worker = (String) execution.getVariable(SupportTicketProcess.WORKER);
        String who = employee != null ? employee : worker;
        if (who == null) {
            throw new BillingException("Claim the task first: time is logged in the name of whoever works it.");
        }
        Employee person = employees.ofUser(who);
        TimesheetEntry entry = timesheets.recordMinutes(person.getId(),
                ticketService.timeTarget(tickets.ofInstance(execution.getProcessBusinessKey()).getId()),
                FormValues.date(workDate, "The work date"), FormValues.minutes(hours, "The time spent"), description);
        execution.setVariable(SupportTicketProcess.LAST_RECORDED,
                "1 entry, " + HoursAndMinutes.withDecimal(entry.getBilledMinutes()));
        for (String field : new String[] {SupportTicketProcess.WORK_DATE, SupportTicketProcess.HOURS,
                SupportTicketProcess.WORK_DESCRIPTION, SupportTicketProcess.EMPLOYEE}) {
            execution.removeVariable(field);
        }
        if (entry.getSalesOrderLine() != null) {
            orderEvents.timeRecorded(entry.getSalesOrderLine().getId());
        }
    }
}

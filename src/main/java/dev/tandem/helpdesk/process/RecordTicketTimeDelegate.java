package dev.tandem.helpdesk.process;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.common.FormValues;
import dev.tandem.common.HoursAndMinutes;
import dev.tandem.helpdesk.TicketService;
import dev.tandem.timesheets.TimesheetEntry;
import dev.tandem.timesheets.process.OrderEvents;

/**
 * Records the round's entry of "Work on ticket" through the billing core, which refuses before it
 * writes: a refusal gives the person the form back with the reason and the entry as typed. A round
 * with its fields left empty records nothing (it may only resolve the ticket). Afterwards the
 * salesperson is asked for more hours when due.
 */
@Component("recordTicketTime")
class RecordTicketTimeDelegate implements JavaDelegate {

    private final TicketService tickets;
    private final OrderEvents orderEvents;

    RecordTicketTimeDelegate(TicketService tickets, OrderEvents orderEvents) {
        this.tickets = tickets;
        this.orderEvents = orderEvents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<TimesheetEntry> entry = tickets.recordTime(execution.getProcessBusinessKey(),
                (String) execution.getVariable(SupportTicketProcess.WORKER),
                FormValues.text(execution.getVariable(SupportTicketProcess.EMPLOYEE)),
                FormValues.date(execution.getVariable(SupportTicketProcess.WORK_DATE), "The work date"),
                FormValues.minutes(execution.getVariable(SupportTicketProcess.HOURS), "The time spent"),
                FormValues.text(execution.getVariable(SupportTicketProcess.WORK_DESCRIPTION)));
        if (entry.isEmpty()) {
            return;
        }
        execution.setVariable(SupportTicketProcess.LAST_RECORDED,
                "1 entry, " + HoursAndMinutes.withDecimal(entry.get().getBilledMinutes()));
        // The form's fields are for one round: the next round starts blank.
        for (String field : new String[] {SupportTicketProcess.WORK_DATE, SupportTicketProcess.HOURS,
                SupportTicketProcess.WORK_DESCRIPTION, SupportTicketProcess.EMPLOYEE}) {
            execution.removeVariable(field);
        }
        if (entry.get().getSalesOrderLine() != null) {
            orderEvents.timeRecorded(entry.get().getSalesOrderLine().getId());
        }
    }
}

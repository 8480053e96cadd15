package dev.tandem.helpdesk.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.common.FormValues;
import dev.tandem.common.TaskNames;
import dev.tandem.helpdesk.Ticket;
import dev.tandem.helpdesk.TicketService;

/**
 * Opens the ticket from the start form. The order line is chosen automatically (prepaid hours
 * left) unless an order number is given, which picks that order's hours by hand. A refusal fails
 * the start with its message, leaving nothing behind.
 */
@Component("openTicket")
class OpenTicketDelegate implements JavaDelegate {

    private final TicketService tickets;

    OpenTicketDelegate(TicketService tickets) {
        this.tickets = tickets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Ticket ticket = tickets.openNamed(FormValues.text(execution.getVariable(SupportTicketProcess.CUSTOMER_NAME)),
                FormValues.text(execution.getVariable(SupportTicketProcess.TEAM_NAME)),
                FormValues.text(execution.getVariable(SupportTicketProcess.TITLE)),
                FormValues.text(execution.getVariable(SupportTicketProcess.DESCRIPTION)),
                FormValues.text(execution.getVariable(SupportTicketProcess.ORDER_NUMBER)));
        execution.setProcessBusinessKey(ticket.getNumber());
        execution.setVariable(SupportTicketProcess.TICKET_ID, ticket.getId());
        execution.setVariable(SupportTicketProcess.TICKET_NUMBER, ticket.getNumber());
        execution.setVariable(SupportTicketProcess.ORDER_LINE_ID,
                ticket.isBillable() ? ticket.getSalesOrderLine().getId() : null);
        if (ticket.isBillable()) {
            // The order the ticket draws on, also when chosen automatically: Tasklist's filters show it.
            execution.setVariable(SupportTicketProcess.ORDER_NUMBER, ticket.getSalesOrderLine().getOrder().getNumber());
        }
        execution.setVariable(TaskNames.SUBJECT, "%s · %s: %s".formatted(ticket.getNumber(),
                ticket.getCustomer().getName(), ticket.getTitle()));
    }
}

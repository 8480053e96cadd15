package dev.tandem.helpdesk.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.catalog.Customer;
import dev.tandem.catalog.CustomerRepository;
import dev.tandem.common.BillingException;
import dev.tandem.common.FormValues;
import dev.tandem.common.TaskNames;
import dev.tandem.helpdesk.HelpdeskTeam;
import dev.tandem.helpdesk.HelpdeskTeamRepository;
import dev.tandem.helpdesk.Ticket;
import dev.tandem.helpdesk.TicketService;
import dev.tandem.sales.SalesOrderRepository;

/**
 * Opens the ticket from the start form. The order line is chosen automatically (prepaid hours
 * left) unless an order number is given, which picks that order's hours by hand. A refusal fails
 * the start with its message, leaving nothing behind.
 */
@Component("openTicket")
class OpenTicketDelegate implements JavaDelegate {

    private final TicketService tickets;
    private final CustomerRepository customers;
    private final HelpdeskTeamRepository teams;
    private final SalesOrderRepository orders;

    OpenTicketDelegate(TicketService tickets, CustomerRepository customers, HelpdeskTeamRepository teams,
                       SalesOrderRepository orders) {
        this.tickets = tickets;
        this.customers = customers;
        this.teams = teams;
        this.orders = orders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String customerName = FormValues.text(execution.getVariable(SupportTicketProcess.CUSTOMER_NAME));
        String teamName = FormValues.text(execution.getVariable(SupportTicketProcess.TEAM_NAME));
        String orderNumber = FormValues.text(execution.getVariable(SupportTicketProcess.ORDER_NUMBER));
        Customer customer = customers.named(customerName);
        HelpdeskTeam team = teams.findByName(String.valueOf(teamName))
                .orElseThrow(() -> new BillingException("Unknown helpdesk team %s.".formatted(teamName)));
        Long chosenLine = orderNumber == null ? null : orders.numbered(orderNumber).hoursLine().getId();
        Ticket ticket = tickets.open(customer.getId(), team.getId(),
                FormValues.text(execution.getVariable(SupportTicketProcess.TITLE)),
                FormValues.text(execution.getVariable(SupportTicketProcess.DESCRIPTION)), chosenLine);
        execution.setProcessBusinessKey(ticket.getNumber());
        execution.setVariable(SupportTicketProcess.TICKET_ID, ticket.getId());
        execution.setVariable(SupportTicketProcess.TICKET_NUMBER, ticket.getNumber());
        execution.setVariable(SupportTicketProcess.ORDER_LINE_ID,
                ticket.isBillable() ? ticket.getSalesOrderLine().getId() : null);
        if (ticket.isBillable()) {
            // The order the ticket draws on, also when chosen automatically: Tasklist's filters show it.
            execution.setVariable(SupportTicketProcess.ORDER_NUMBER, ticket.getSalesOrderLine().getOrder().getNumber());
        }
        execution.setVariable(TaskNames.SUBJECT, "%s · %s: %s".formatted(ticket.getNumber(), customer.getName(),
                ticket.getTitle()));
    }
}

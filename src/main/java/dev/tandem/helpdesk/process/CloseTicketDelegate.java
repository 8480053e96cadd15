package dev.tandem.helpdesk.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.helpdesk.Ticket;
import dev.tandem.helpdesk.TicketRepository;
import dev.tandem.helpdesk.TicketService;
import dev.tandem.sales.process.OrderEvents;

/** The ticket is resolved and closed; a post-paid order hears that its time is delivered. */
@Component("closeTicket")
class CloseTicketDelegate implements JavaDelegate {

    private final TicketService tickets;
    private final TicketRepository ticketsByNumber;
    private final OrderEvents orderEvents;

    CloseTicketDelegate(TicketService tickets, TicketRepository ticketsByNumber, OrderEvents orderEvents) {
        this.tickets = tickets;
        this.ticketsByNumber = ticketsByNumber;
        this.orderEvents = orderEvents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Ticket ticket = tickets.close(ticketsByNumber.ofInstance(execution.getProcessBusinessKey()).getId());
        if (ticket.isBillable()) {
            orderEvents.timeDelivered(ticket.getSalesOrderLine().getId());
        }
    }
}

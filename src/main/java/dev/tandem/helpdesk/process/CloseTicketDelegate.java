package dev.tandem.helpdesk.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.helpdesk.TicketRepository;
import dev.tandem.helpdesk.TicketService;

/** The ticket is resolved and closed. */
@Component("closeTicket")
class CloseTicketDelegate implements JavaDelegate {

    private final TicketService tickets;
    private final TicketRepository ticketsByNumber;

    CloseTicketDelegate(TicketService tickets, TicketRepository ticketsByNumber) {
        this.tickets = tickets;
        this.ticketsByNumber = ticketsByNumber;
    }

    @Override
    public void execute(DelegateExecution execution) {
        tickets.close(ticketsByNumber.ofInstance(execution.getProcessBusinessKey()).getId());
    }
}

package dev.tandem.sales.process;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.outbox.Outbox;
import dev.tandem.sales.QuotationDocument;
import dev.tandem.sales.SalesOrderRepository;

/**
 * Prints the quotation to PDF and puts the mail to the customer in the outbox, in one
 * transaction; the next step hands it to the mail server. A job of its own: a failure is retried
 * and ends as an incident.
 */
@Component("printQuotation")
class PrintQuotationDelegate implements JavaDelegate {

    private final SalesOrderRepository orders;
    private final QuotationDocument document;
    private final Clock clock;

    PrintQuotationDelegate(SalesOrderRepository orders, QuotationDocument document, Clock clock) {
        this.orders = orders;
        this.document = document;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        QuotationDocument.Sent sent = document.send(orders.ofInstance(execution.getProcessBusinessKey()).getNumber(),
                LocalDate.now(clock));
        execution.setVariable(Outbox.MAIL_ID, sent.mailId());
        // The customer's answer waits until the offer ends.
        execution.setVariable(QuotationProcess.EXPIRES_AT, Date.from(sent.offerEnds()));
    }
}

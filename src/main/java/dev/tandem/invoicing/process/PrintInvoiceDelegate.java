package dev.tandem.invoicing.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.outbox.Outbox;

/**
 * Prints the posted invoice to PDF and puts the mail to the customer in the outbox, in one
 * transaction, and records the mail on the invoice. Runs as its own job: a printing failure is retried and ends as an incident.
 */
@Component("printInvoice")
class PrintInvoiceDelegate implements JavaDelegate {

    private final InvoiceMailing mailing;

    PrintInvoiceDelegate(InvoiceMailing mailing) {
        this.mailing = mailing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(Outbox.MAIL_ID, mailing.queue((Long) execution.getVariable(InvoicingVariables.INVOICE_ID)));
    }
}

package dev.tandem.invoicing.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.common.Company;
import dev.tandem.invoicing.Invoice;
import dev.tandem.invoicing.InvoiceDocument;
import dev.tandem.invoicing.InvoiceRepository;
import dev.tandem.outbox.Outbox;

/**
 * Prints the posted invoice to PDF and puts the mail to the customer in the outbox, in one
 * transaction, and records the mail on the invoice. Runs as its own job: a printing failure is retried and ends as an incident.
 */
@Component("printInvoice")
class PrintInvoiceDelegate implements JavaDelegate {

    private final InvoiceRepository invoices;
    private final InvoiceDocument document;
    private final Outbox outbox;
    private final Company company;

    PrintInvoiceDelegate(InvoiceRepository invoices, InvoiceDocument document, Outbox outbox, Company company) {
        this.invoices = invoices;
        this.document = document;
        this.outbox = outbox;
        this.company = company;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long invoiceId = (Long) execution.getVariable(InvoicingVariables.INVOICE_ID);
        Invoice invoice = invoices.findById(invoiceId).orElseThrow();
        if (invoice.getState() != Invoice.State.POSTED) {
            throw new IllegalStateException("Invoice %d is %s: only a posted invoice is printed and mailed."
                    .formatted(invoiceId, invoice.getState().name().toLowerCase()));
        }
        String recipient = invoice.getCustomer().mailAddress();
        String subject;
        String body;
        if (invoice.isSettlement()) {
            // Not a bill: the final invoice of an order its down payments paid in full, for the customer's books.
            subject = "Order %s settled: final statement %s from %s".formatted(invoice.getOrigin(), invoice.getNumber(),
                    company.name());
            body = """
                    Dear %s,

                    the work on order %s is invoiced in full. Your down payments cover it exactly, so nothing is due:
                    the attached final statement %s deducts them and comes to 0.00 %s.

                    Kind regards,
                    %s
                    """.formatted(invoice.getCustomer().getName(), invoice.getOrigin(), invoice.getNumber(),
                    company.currency(), company.name());
        } else {
            String kind = invoice.getMoveType() == Invoice.MoveType.CREDIT_NOTE ? "Credit note" : "Invoice";
            subject = "%s %s from %s".formatted(kind, invoice.getNumber(), company.name());
            body = """
                    Dear %s,

                    please find attached our %s %s of %s %s.

                    Kind regards,
                    %s
                    """.formatted(invoice.getCustomer().getName(), kind.toLowerCase(), invoice.getNumber(),
                    invoice.shown(invoice.getAmountTotal()).toPlainString(), company.currency(), company.name());
        }
        var mail = outbox.queue(recipient, subject, body, document.fileName(invoice), document.pdf(invoice.getId()));
        invoice.sentWith(mail.getId());
        execution.setVariable(Outbox.MAIL_ID, mail.getId());
    }
}

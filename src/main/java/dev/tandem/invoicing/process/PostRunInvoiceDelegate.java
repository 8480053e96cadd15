package dev.tandem.invoicing.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.invoicing.Invoice;
import dev.tandem.invoicing.InvoiceRepository;
import dev.tandem.invoicing.InvoicingService;

/** Posts one draft of an invoice run, in its own branch: only a draft this run created. */
@Component("postRunInvoice")
class PostRunInvoiceDelegate implements JavaDelegate {

    private final InvoicingService invoicing;
    private final InvoiceRepository invoices;

    PostRunInvoiceDelegate(InvoicingService invoicing, InvoiceRepository invoices) {
        this.invoicing = invoicing;
        this.invoices = invoices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long invoiceId = (Long) execution.getVariable(InvoicingVariables.INVOICE_ID);
        Invoice invoice = invoiceId == null ? null : invoices.findById(invoiceId).orElse(null);
        if (invoice == null || !execution.getProcessBusinessKey().equals(invoice.getInvoiceRun())) {
            throw new IllegalStateException("Invoice %s was not created by run %s"
                    .formatted(invoiceId, execution.getProcessBusinessKey()));
        }
        invoicing.post(invoiceId);
    }
}

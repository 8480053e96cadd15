package dev.tandem.invoicing.process;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.invoicing.InvoicingService;

/** Posts one draft of an invoice run, in its own branch: only a draft this run created. */
@Component("postRunInvoice")
class PostRunInvoiceDelegate implements JavaDelegate {

    private final InvoicingService invoicing;

    PostRunInvoiceDelegate(InvoicingService invoicing) {
        this.invoicing = invoicing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long invoiceId = (Long) execution.getVariable(InvoicingVariables.INVOICE_ID);
        List<?> created = (List<?>) execution.getVariable(InvoiceRunProcess.INVOICE_IDS);
        if (invoiceId == null || created == null || !created.contains(invoiceId)) {
            throw new IllegalStateException("Invoice %s was not created by run %s"
                    .formatted(invoiceId, execution.getProcessBusinessKey()));
        }
        invoicing.post(invoiceId);
    }
}

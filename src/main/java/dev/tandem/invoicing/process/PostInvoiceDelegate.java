package dev.tandem.invoicing.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.invoicing.Invoice;
import dev.tandem.invoicing.InvoicingService;

/** Posts the reviewed draft: it gets its number and is final. */
@Component("postInvoice")
class PostInvoiceDelegate implements JavaDelegate {

    private final InvoicingService invoicing;

    PostInvoiceDelegate(InvoicingService invoicing) {
        this.invoicing = invoicing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.removeVariable(InvoicingVariables.REVIEW);
        Invoice posted = invoicing.post((Long) execution.getVariable(InvoicingVariables.INVOICE_ID));
        execution.setVariable(InvoicingVariables.INVOICE_NUMBER, posted.getNumber());
    }
}

package dev.tandem.invoicing.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.invoicing.InvoicingService;

/** Cancels the draft accounting turned down: its timesheet entries are free to be invoiced again. */
@Component("cancelDraftInvoice")
class CancelDraftInvoiceDelegate implements JavaDelegate {

    private final InvoicingService invoicing;

    CancelDraftInvoiceDelegate(InvoicingService invoicing) {
        this.invoicing = invoicing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.removeVariable(InvoicingVariables.REVIEW);
        invoicing.cancelDraft((Long) execution.getVariable(InvoicingVariables.INVOICE_ID));
        execution.removeVariable(InvoicingVariables.INVOICE_ID);
    }
}

package dev.tandem.invoicing.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.common.StepOutcome;
import dev.tandem.invoicing.InvoiceRepository;
import dev.tandem.invoicing.InvoicingService;

/** Cancels the draft accounting turned down: its timesheet entries are free to be invoiced again. */
@Component("cancelDraftInvoice")
class CancelDraftInvoiceDelegate implements JavaDelegate {

    private final InvoicingService invoicing;
    private final InvoiceRepository invoices;

    CancelDraftInvoiceDelegate(InvoicingService invoicing, InvoiceRepository invoices) {
        this.invoicing = invoicing;
        this.invoices = invoices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.removeVariable(InvoicingVariables.REVIEW);
        invoicing.cancelDraft(InvoicingVariables.invoiceOfThisOrder(execution, invoices).getId());
        execution.removeVariable(InvoicingVariables.INVOICE_ID);
        StepOutcome.tell(execution, "Draft invoice of %s cancelled: nothing was posted, and its time and materials "
                .formatted(execution.getProcessBusinessKey()) + "are free for the next invoice.");
    }
}

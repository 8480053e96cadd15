package dev.tandem.invoicing.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import dev.tandem.common.StepCompleter;
import dev.tandem.invoicing.InvoiceRepository;
import dev.tandem.invoicing.InvoicingService;

/**
 * When "Review draft invoice" is completed with Approve, the draft records who approved it: the
 * person completing the step (or, when Tandem completes it, its assignee). Posting checks that
 * record, so a draft reaches the customer only with an accountant's approval.
 */
@Component("approveDraft")
class ApproveDraftListener implements TaskListener {

    private final InvoicingService invoicing;
    private final InvoiceRepository invoices;

    ApproveDraftListener(InvoicingService invoicing, InvoiceRepository invoices) {
        this.invoicing = invoicing;
        this.invoices = invoices;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!"APPROVE".equals(task.getVariable(InvoicingVariables.REVIEW))) {
            return;
        }
        invoicing.approve(InvoicingVariables.invoiceOfThisOrder(task.getExecution(), invoices).getId(),
                StepCompleter.of(task));
    }
}

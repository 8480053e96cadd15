package dev.tandem.invoicing.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import dev.tandem.common.StepCompleter;
import dev.tandem.invoicing.CreditNotes;
import dev.tandem.invoicing.InvoiceRepository;

/**
 * When "Credit invoice" is completed with a credit note to issue, the invoice to credit records who
 * asked for it. Issuing it checks that record, so a credit note is only ever issued at an
 * accountant's request.
 */
@Component("requestCredit")
class RequestCreditListener implements TaskListener {

    private final CreditNotes creditNotes;
    private final InvoiceRepository invoices;

    RequestCreditListener(CreditNotes creditNotes, InvoiceRepository invoices) {
        this.creditNotes = creditNotes;
        this.invoices = invoices;
    }

    @Override
    public void notify(DelegateTask task) {
        if (InvoicingVariables.NOTHING.equals(task.getVariable(InvoicingVariables.CREDIT_CHOICE))) {
            return;
        }
        creditNotes.request(InvoicingVariables.invoiceOfThisOrder(task.getExecution(), invoices).getId(),
                StepCompleter.of(task));
    }
}

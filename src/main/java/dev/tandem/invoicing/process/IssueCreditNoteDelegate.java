package dev.tandem.invoicing.process;

import java.util.HashSet;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.common.Company;
import dev.tandem.common.FormValues;
import dev.tandem.common.StepOutcome;
import dev.tandem.invoicing.CreditNotes;
import dev.tandem.invoicing.Invoice;
import dev.tandem.invoicing.InvoiceRepository;

/**
 * Credits the chosen invoice and posts the credit note: the entries ticked give back exactly their
 * minutes; nothing ticked credits the whole invoice. A refusal goes back to accounting.
 */
@Component("issueCreditNote")
class IssueCreditNoteDelegate implements JavaDelegate {

    private final CreditNotes creditNotes;
    private final Company company;
    private final InvoiceRepository invoices;

    IssueCreditNoteDelegate(CreditNotes creditNotes, Company company, InvoiceRepository invoices) {
        this.creditNotes = creditNotes;
        this.invoices = invoices;
        this.company = company;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Invoice original = InvoicingVariables.invoiceOfThisOrder(execution, invoices);
        InvoicingVariables.requireAccounting(execution, original.getCreditRequestedBy(), "The request for a credit note");
        Invoice posted = creditNotes.issue(original.getId(),
                new HashSet<>(FormValues.ids(execution.getVariable(InvoicingVariables.CREDITED_ENTRIES))));
        execution.setVariable(InvoicingVariables.INVOICE_ID, posted.getId());
        execution.setVariable(InvoicingVariables.INVOICE_NUMBER, posted.getNumber());
        execution.setVariable(InvoicingVariables.INVOICE_TOTAL, InvoicingVariables.total(posted, company));
        List.of(InvoicingVariables.CREDITED_INVOICE_NUMBER, InvoicingVariables.CREDITABLE_ENTRIES,
                InvoicingVariables.CREDITED_ENTRIES).forEach(execution::removeVariable);
        StepOutcome.tell(execution, InvoicingVariables.posted(posted, company));
    }
}

package dev.tandem.invoicing.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

import dev.tandem.common.Company;
import dev.tandem.common.FormValues;
import dev.tandem.invoicing.CreditNotes;

/**
 * Finds the posted invoice of this order that accounting wants to credit, and offers its timesheet
 * entries on the credit form so a partial credit gives back exactly the time ticked.
 */
@Component("prepareCredit")
class PrepareCreditDelegate implements JavaDelegate {

    private final CreditNotes creditNotes;
    private final Company company;

    PrepareCreditDelegate(CreditNotes creditNotes, Company company) {
        this.creditNotes = creditNotes;
        this.company = company;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CreditNotes.Offer offer = creditNotes.offer((String) execution.getVariable(InvoicingVariables.ORDER_NUMBER),
                FormValues.text(execution.getVariable(InvoicingVariables.CREDITED_INVOICE_NUMBER)));
        execution.setVariable(InvoicingVariables.INVOICE_ID, offer.invoice().getId());
        execution.setVariable(InvoicingVariables.INVOICE_TOTAL, InvoicingVariables.total(offer.invoice(), company));
        // A JSON variable, which Tasklist hands to the form's checklist as its options.
        execution.setVariable(InvoicingVariables.CREDITABLE_ENTRIES, Spin.JSON(offer.entries()));
    }
}

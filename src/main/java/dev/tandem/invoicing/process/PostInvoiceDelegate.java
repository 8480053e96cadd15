package dev.tandem.invoicing.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.common.Company;
import dev.tandem.common.StepOutcome;
import dev.tandem.invoicing.Invoice;
import dev.tandem.invoicing.InvoiceRepository;
import dev.tandem.invoicing.InvoicingService;

/**
 * Posts the reviewed draft: it gets its number and is final. Only a draft of this instance's order
 * that an accountant approved at "Review draft invoice" ({@link ApproveDraftListener}) is posted.
 */
@Component("postInvoice")
class PostInvoiceDelegate implements JavaDelegate {

    private final InvoicingService invoicing;
    private final InvoiceRepository invoices;
    private final Company company;

    PostInvoiceDelegate(InvoicingService invoicing, InvoiceRepository invoices, Company company) {
        this.invoicing = invoicing;
        this.invoices = invoices;
        this.company = company;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Invoice draft = InvoicingVariables.invoiceOfThisOrder(execution, invoices);
        InvoicingVariables.requireAccounting(execution, draft.getApprovedBy(), "The approval of the draft");
        execution.removeVariable(InvoicingVariables.REVIEW);
        Invoice posted = invoicing.post(draft.getId());
        execution.setVariable(InvoicingVariables.INVOICE_NUMBER, posted.getNumber());
        StepOutcome.tell(execution, InvoicingVariables.posted(posted, company));
    }
}

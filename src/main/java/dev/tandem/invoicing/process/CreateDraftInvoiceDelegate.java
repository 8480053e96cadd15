package dev.tandem.invoicing.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.common.Company;
import dev.tandem.common.FormValues;
import dev.tandem.invoicing.Invoice;
import dev.tandem.invoicing.InvoicingService;
import dev.tandem.sales.SalesOrderRepository;

/**
 * Drafts the invoice of delivered time for accounting's review, within the optional Timesheets
 * Period. A refusal (nothing delivered yet, a period with nothing in it) goes straight back to the
 * person with its reason, as every refusal does; waiting for delivered time is their explicit choice.
 */
@Component("createDraftInvoice")
class CreateDraftInvoiceDelegate implements JavaDelegate {

    private final InvoicingService invoicing;
    private final Company company;
    private final SalesOrderRepository orders;

    CreateDraftInvoiceDelegate(InvoicingService invoicing, Company company, SalesOrderRepository orders) {
        this.orders = orders;
        this.invoicing = invoicing;
        this.company = company;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long orderId = orders.ofInstance(execution.getProcessBusinessKey()).getId();
        Invoice draft = invoicing.createInvoice(orderId, InvoicingVariables.period(execution),
                FormValues.flag(execution.getVariable(InvoicingVariables.DEDUCT_DOWN_PAYMENTS)));
        execution.setVariable(InvoicingVariables.INVOICE_ID, draft.getId());
        execution.setVariable(InvoicingVariables.INVOICE_TOTAL, InvoicingVariables.total(draft, company));
        execution.setVariable(InvoicingVariables.INVOICE_SUMMARY, draft.summary());
        InvoicingVariables.DRAFT_FIELDS.forEach(execution::removeVariable);
    }
}

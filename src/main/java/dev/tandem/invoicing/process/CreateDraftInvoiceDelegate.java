package dev.tandem.invoicing.process;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.common.BillingException;
import dev.tandem.common.Company;
import dev.tandem.common.FormValues;
import dev.tandem.invoicing.Invoice;
import dev.tandem.invoicing.InvoiceRepository;
import dev.tandem.invoicing.InvoicingService;
import dev.tandem.sales.OrderFigures;
import dev.tandem.sales.SalesOrderRepository;

/**
 * Drafts the invoice of delivered time for accounting's review, within the optional Timesheets
 * Period. A refusal is no failure: when the order has nothing at all to invoice the process waits
 * for delivered time ({@link InvoicingVariables#ERROR_NOTHING_DELIVERED}); any other reason (a
 * period with nothing in it) goes straight back to the person, as every refusal does.
 */
@Component("createDraftInvoice")
class CreateDraftInvoiceDelegate implements JavaDelegate {

    private final InvoicingService invoicing;
    private final OrderFigures figures;
    private final Company company;
    private final SalesOrderRepository orders;
    private final InvoiceRepository invoices;

    CreateDraftInvoiceDelegate(InvoicingService invoicing, OrderFigures figures, Company company,
                               SalesOrderRepository orders, InvoiceRepository invoices) {
        this.invoices = invoices;
        this.orders = orders;
        this.invoicing = invoicing;
        this.figures = figures;
        this.company = company;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long orderId = orders.ofInstance(execution.getProcessBusinessKey()).getId();
        try {
            Invoice draft = invoicing.createInvoice(orderId, InvoicingVariables.period(execution),
                    FormValues.flag(execution.getVariable(InvoicingVariables.DEDUCT_DOWN_PAYMENTS)));
            execution.setVariable(InvoicingVariables.INVOICE_ID, draft.getId());
            execution.setVariable(InvoicingVariables.INVOICE_TOTAL, InvoicingVariables.total(draft, company));
            execution.setVariable(InvoicingVariables.INVOICE_SUMMARY, draft.getLines().stream()
                    .map(line -> "- %s: %s × %s = %s".formatted(line.getDescription(),
                            draft.shown(line.getQuantity()).toPlainString(), line.getUnitPrice().toPlainString(),
                            draft.shown(line.getSubtotal()).toPlainString()))
                    .collect(Collectors.joining("\n")));
            InvoicingVariables.DRAFT_FIELDS.forEach(execution::removeVariable);
            execution.removeVariable(InvoicingVariables.REFUSAL);
        } catch (BillingException refused) {
            // Nothing at all to invoice is no mistake of the person: the process waits for delivered time.
            if (invoices.openDraftOf(orderId).isEmpty()
                    && figures.ofOrder(orderId).lines().stream().noneMatch(line -> line.toInvoice().signum() > 0)) {
                throw new BpmnError(InvoicingVariables.ERROR_NOTHING_DELIVERED, refused.getMessage());
            }
            throw refused;
        }
    }
}

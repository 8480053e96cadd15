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
import dev.tandem.invoicing.InvoicingService;
import dev.tandem.invoicing.TimesheetsPeriod;

/**
 * Drafts the invoice of delivered time for accounting's review, within the optional Timesheets
 * Period. Nothing to invoice is no failure: the reason goes back to the person as a BPMN error.
 */
@Component("createDraftInvoice")
class CreateDraftInvoiceDelegate implements JavaDelegate {

    private final InvoicingService invoicing;
    private final Company company;

    CreateDraftInvoiceDelegate(InvoicingService invoicing, Company company) {
        this.invoicing = invoicing;
        this.company = company;
    }

    @Override
    public void execute(DelegateExecution execution) {
        try {
            TimesheetsPeriod period = new TimesheetsPeriod(
                    FormValues.date(execution.getVariable(InvoicingVariables.PERIOD_START), "The period start"),
                    FormValues.date(execution.getVariable(InvoicingVariables.PERIOD_END), "The period end"));
            Invoice draft = invoicing.createInvoice((Long) execution.getVariable(InvoicingVariables.ORDER_ID), period,
                    FormValues.flag(execution.getVariable(InvoicingVariables.DEDUCT_DOWN_PAYMENTS)));
            execution.setVariable(InvoicingVariables.INVOICE_ID, draft.getId());
            execution.setVariable(InvoicingVariables.INVOICE_TOTAL, "%s %s (%s)".formatted(
                    draft.shown(draft.getAmountTotal()).toPlainString(), company.currency(),
                    draft.getMoveType() == Invoice.MoveType.CREDIT_NOTE ? "credit note" : "invoice"));
            execution.setVariable(InvoicingVariables.INVOICE_SUMMARY, draft.getLines().stream()
                    .map(line -> "- %s: %s × %s = %s".formatted(line.getDescription(),
                            draft.shown(line.getQuantity()).toPlainString(), line.getUnitPrice().toPlainString(),
                            draft.shown(line.getSubtotal()).toPlainString()))
                    .collect(Collectors.joining("\n")));
            execution.removeVariable(InvoicingVariables.REFUSAL);
        } catch (BillingException refused) {
            throw new BpmnError(InvoicingVariables.ERROR_INVOICE_REFUSED, refused.getMessage());
        }
    }
}

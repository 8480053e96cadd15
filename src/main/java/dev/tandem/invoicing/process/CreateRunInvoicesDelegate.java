package dev.tandem.invoicing.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.common.BillingException;
import dev.tandem.common.FormValues;
import dev.tandem.common.NumberSequences;
import dev.tandem.invoicing.Invoice;
import dev.tandem.invoicing.InvoicingService;
import dev.tandem.invoicing.TimesheetsPeriod;

/**
 * Drafts the invoices of a run in one transaction: one per customer when consolidated, else one
 * per order. Orders are locked while drafting, so a run started at the same moment over the same
 * orders waits, then finds them invoiced and records them as skipped with the reason. What the run
 * did is kept in Tandem's tables under its number; the process keeps only the drafts' ids, one
 * branch each.
 */
@Component("createRunInvoices")
class CreateRunInvoicesDelegate implements JavaDelegate {

    private final InvoicingService invoicing;
    private final NumberSequences numbers;

    CreateRunInvoicesDelegate(InvoicingService invoicing, NumberSequences numbers) {
        this.invoicing = invoicing;
        this.numbers = numbers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<Long> orderIds = FormValues.ids(execution.getVariable(InvoiceRunProcess.ORDER_IDS));
        if (orderIds.isEmpty()) {
            throw new BillingException("Choose at least one order to invoice.");
        }
        TimesheetsPeriod period = new TimesheetsPeriod(
                FormValues.date(execution.getVariable(InvoicingVariables.PERIOD_START), "The period start"),
                FormValues.date(execution.getVariable(InvoicingVariables.PERIOD_END), "The period end"));
        String runNumber = "R%05d".formatted(numbers.next("invoice_run"));
        InvoicingService.InvoiceBatch batch = invoicing.createRunInvoices(runNumber, new InvoicingService.InvoiceRequest(
                orderIds, FormValues.flag(execution.getVariable(InvoiceRunProcess.CONSOLIDATED)), period, false));
        execution.setProcessBusinessKey(runNumber);
        execution.setVariable(InvoiceRunProcess.RUN_NUMBER, runNumber);
        execution.setVariable(InvoiceRunProcess.INVOICE_IDS,
                new ArrayList<>(batch.invoices().stream().map(Invoice::getId).toList()));
    }
}

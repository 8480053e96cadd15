package dev.tandem.invoicing.process;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.common.FormValues;
import dev.tandem.invoicing.Invoice;
import dev.tandem.invoicing.InvoiceRuns;

/**
 * One chunk of an invoice run, in its job's transaction: the invoices of the next orders are
 * drafted and posted, and each gets a Send invoice process of its own, committed together. Printing
 * and mailing then run in parallel on the job executor's threads, apart from posting.
 */
@Component("invoiceNextOrders")
class InvoiceNextOrdersDelegate implements JavaDelegate {

    private final InvoiceRuns runs;
    private final RuntimeService runtime;

    InvoiceNextOrdersDelegate(InvoiceRuns runs, RuntimeService runtime) {
        this.runs = runs;
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String run = execution.getProcessBusinessKey();
        InvoiceRuns.Chunk chunk = runs.invoiceNext(run,
                FormValues.flag(execution.getVariable(InvoiceRunProcess.CONSOLIDATED)),
                InvoicingVariables.period(execution));
        for (Invoice invoice : chunk.posted()) {
            runtime.startProcessInstanceByKey(SendInvoiceProcess.KEY, invoice.getNumber(), Map.of(
                    InvoicingVariables.INVOICE_ID, invoice.getId(), InvoiceRunProcess.RUN_NUMBER, run));
        }
        execution.setVariable(InvoiceRunProcess.ORDERS_LEFT, chunk.ordersLeft());
    }
}

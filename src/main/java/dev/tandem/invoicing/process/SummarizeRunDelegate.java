package dev.tandem.invoicing.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.invoicing.Invoice;
import dev.tandem.invoicing.InvoiceRepository;
import dev.tandem.invoicing.InvoiceRunSkipRepository;

/**
 * The run's result for accounting's review: how many invoices were posted and sent and how many
 * orders were skipped. The lists themselves are on the run's page, read from Tandem's tables, so
 * a run of any size fits.
 */
@Component("summarizeRun")
class SummarizeRunDelegate implements JavaDelegate {

    private final InvoiceRepository invoices;
    private final InvoiceRunSkipRepository skips;

    SummarizeRunDelegate(InvoiceRepository invoices, InvoiceRunSkipRepository skips) {
        this.invoices = invoices;
        this.skips = skips;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String run = execution.getProcessBusinessKey();
        execution.setVariable(InvoiceRunProcess.INVOICES_SENT, invoices.countByInvoiceRunAndState(run, Invoice.State.POSTED));
        execution.setVariable(InvoiceRunProcess.ORDERS_SKIPPED, skips.countByInvoiceRun(run));
    }
}

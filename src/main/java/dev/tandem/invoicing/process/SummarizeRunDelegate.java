package dev.tandem.invoicing.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.invoicing.InvoiceRuns;

/**
 * The run's result for accounting's review: how many invoices were posted and sent and how many
 * orders were skipped. The lists themselves are on the run's page, read from Tandem's tables, so
 * a run of any size fits.
 */
@Component("summarizeRun")
class SummarizeRunDelegate implements JavaDelegate {

    private final InvoiceRuns runs;

    SummarizeRunDelegate(InvoiceRuns runs) {
        this.runs = runs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        InvoiceRuns.Progress progress = runs.progress(execution.getProcessBusinessKey());
        execution.setVariable(InvoiceRunProcess.INVOICES_SENT, progress.posted());
        execution.setVariable(InvoiceRunProcess.ORDERS_SKIPPED, progress.skipped());
    }
}

package dev.tandem.invoicing.process;

import java.time.Duration;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import dev.tandem.invoicing.InvoiceRuns;
import dev.tandem.invoicing.InvoicingMetrics;

/**
 * The run's result for accounting's review: how many invoices were posted and sent and how many
 * orders were skipped. The lists themselves are on the run's page, read from Tandem's tables, so
 * a run of any size fits. Every invoice is mailed by now: the run's duration goes to the metrics.
 */
@Component("summarizeRun")
class SummarizeRunDelegate implements JavaDelegate {

    private final InvoiceRuns runs;
    private final HistoryService history;
    private final InvoicingMetrics metrics;

    SummarizeRunDelegate(InvoiceRuns runs, HistoryService history, InvoicingMetrics metrics) {
        this.runs = runs;
        this.history = history;
        this.metrics = metrics;
    }

    @Override
    public void execute(DelegateExecution execution) {
        InvoiceRuns.Progress progress = runs.progress(execution.getProcessBusinessKey());
        execution.setVariable(InvoiceRunProcess.INVOICES_SENT, progress.posted());
        execution.setVariable(InvoiceRunProcess.ORDERS_SKIPPED, progress.skipped());
        HistoricProcessInstance run = history.createHistoricProcessInstanceQuery()
                .processInstanceId(execution.getProcessInstanceId()).singleResult();
        if (run != null) {
            metrics.runEnded(Duration.between(run.getStartTime().toInstant(), ClockUtil.getCurrentTime().toInstant()));
        }
    }
}

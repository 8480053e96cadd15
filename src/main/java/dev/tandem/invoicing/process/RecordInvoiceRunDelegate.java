package dev.tandem.invoicing.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.common.FormValues;
import dev.tandem.invoicing.InvoiceRuns;

/**
 * Gives the run its number and records the orders it was asked to invoice in Tandem's tables, in
 * the transaction that starts it: an unknown order or period refuses the start. The list of ids
 * is then removed from the running process (its history keeps what was asked): the chunks read the
 * orders from the table.
 */
@Component("recordInvoiceRun")
class RecordInvoiceRunDelegate implements JavaDelegate {

    private final InvoiceRuns runs;

    RecordInvoiceRunDelegate(InvoiceRuns runs) {
        this.runs = runs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        InvoicingVariables.period(execution);
        String runNumber = runs.record(FormValues.ids(execution.getVariable(InvoiceRunProcess.ORDER_IDS)));
        execution.setProcessBusinessKey(runNumber);
        execution.setVariable(InvoiceRunProcess.RUN_NUMBER, runNumber);
        execution.removeVariable(InvoiceRunProcess.ORDER_IDS);
    }
}

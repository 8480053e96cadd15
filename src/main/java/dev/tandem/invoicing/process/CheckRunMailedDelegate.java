package dev.tandem.invoicing.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.invoicing.InvoiceRuns;

/** Whether every invoice of the run has reached the mail server, read from Tandem's tables. */
@Component("checkRunMailed")
class CheckRunMailedDelegate implements JavaDelegate {

    private final InvoiceRuns runs;

    CheckRunMailedDelegate(InvoiceRuns runs) {
        this.runs = runs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(InvoiceRunProcess.ALL_MAILED, runs.allMailed(execution.getProcessBusinessKey()));
    }
}

package dev.tandem.fieldservice.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.fieldservice.WorksheetReport;
import dev.tandem.outbox.Outbox;

/**
 * Prints the signed worksheet report and puts the mail to the customer in the outbox, in one
 * transaction. Runs as its own job: a failure is retried and ends as an incident in Cockpit.
 */
@Component("printWorksheetReport")
class PrintWorksheetReportDelegate implements JavaDelegate {

    private final FieldTimers timers;
    private final WorksheetReport report;

    PrintWorksheetReportDelegate(FieldTimers timers, WorksheetReport report) {
        this.timers = timers;
        this.report = report;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(Outbox.MAIL_ID, report.send(timers.task(execution),
                Boolean.TRUE.equals(execution.getVariable(FieldServiceProcess.AMENDMENT))));
    }
}

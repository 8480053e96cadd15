package dev.tandem.fieldservice.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.common.Company;
import dev.tandem.fieldservice.FieldTask;
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
    private final Outbox outbox;
    private final Company company;

    PrintWorksheetReportDelegate(FieldTimers timers, WorksheetReport report, Outbox outbox, Company company) {
        this.timers = timers;
        this.report = report;
        this.outbox = outbox;
        this.company = company;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FieldTask task = timers.task(execution);
        String recipient = task.getCustomer().mailAddress();
        boolean amendment = Boolean.TRUE.equals(execution.getVariable(FieldServiceProcess.AMENDMENT));
        String body = """
                Dear %s,

                please find attached the %s of our intervention %s at %s.

                Kind regards,
                %s
                """.formatted(task.getCustomer().getName(),
                amendment ? "amended worksheet report" : "signed worksheet report", task.getNumber(),
                task.getSite() == null ? "your site" : task.getSite(), company.name());
        var mail = outbox.queue(recipient,
                "%s %s from %s".formatted(amendment ? "Amended worksheet" : "Worksheet", task.getNumber(), company.name()),
                body, report.fileName(task.getNumber()), report.pdf(task.getNumber()));
        execution.setVariable(Outbox.MAIL_ID, mail.getId());
    }
}

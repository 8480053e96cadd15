package dev.tandem.invoicing.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.outbox.Outbox;

/** Hands the queued mail to the SMTP server; a failure is retried by the job and ends as an incident. */
@Component("sendMail")
class SendMailDelegate implements JavaDelegate {

    private final Outbox outbox;

    SendMailDelegate(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void execute(DelegateExecution execution) {
        outbox.deliver((Long) execution.getVariable(Outbox.MAIL_ID));
    }
}

package dev.tandem.invoicing.process;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.common.BillingException;
import dev.tandem.common.NotFound;
import dev.tandem.invoicing.Invoice;
import dev.tandem.invoicing.InvoiceRepository;
import dev.tandem.outbox.OutboundMail;
import dev.tandem.outbox.OutboundMailRepository;
import dev.tandem.outbox.Outbox;

/**
 * <em>Send again</em> on an invoice's page: the mail goes through the outbox and the Send invoice
 * process as the first one did, so a failure is retried and ends as an incident, never lost.
 */
@Service
@Transactional
public class InvoiceMailing {

    private static final int RETRIES = 3;

    private final InvoiceRepository invoices;
    private final OutboundMailRepository mails;
    private final Outbox outbox;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final java.time.Clock clock;

    InvoiceMailing(InvoiceRepository invoices, OutboundMailRepository mails, Outbox outbox, RuntimeService runtime,
                   ManagementService management, java.time.Clock clock) {
        this.invoices = invoices;
        this.mails = mails;
        this.outbox = outbox;
        this.runtime = runtime;
        this.management = management;
        this.clock = clock;
    }

    /**
     * Printing or mailing that failed (retries left or an incident) is tried again at once, with
     * its attempts renewed: the incident is solved, and an invoice run waiting for this mail goes
     * on. A mail the server accepted is sent once more, as a copy to the customer's mail address
     * of today. Refused while the first mail is still on its way, or for a document not posted.
     *
     * @return what happened, for the person who asked
     */
    public String sendAgain(Long invoiceId) {
        Invoice invoice = invoices.lock(invoiceId).orElseThrow(() -> NotFound.of("invoice", invoiceId));
        if (invoice.getState() != Invoice.State.POSTED) {
            throw new BillingException("Only a posted invoice is sent to the customer; this one is %s."
                    .formatted(invoice.getState().name().toLowerCase()));
        }
        Job failed = failedJob(invoiceId);
        if (failed != null) {
            management.setJobRetries(failed.getId(), RETRIES);
            management.setJobDuedate(failed.getId(), Date.from(clock.instant()));
            return "%s: %s is tried again now.".formatted(invoice.getNumber(),
                    invoice.getMailId() == null ? "printing" : "the mail");
        }
        OutboundMail mail = invoice.getMailId() == null ? null : mails.findById(invoice.getMailId()).orElse(null);
        if (mail == null || mail.getState() != OutboundMail.State.SENT) {
            throw new BillingException("%s is still being %s: wait for it, or for its failure."
                    .formatted(invoice.getNumber(), mail == null ? "printed" : "sent"));
        }
        String recipient = invoice.getCustomer().mailAddress();
        OutboundMail copy = outbox.queueCopy(mail.getId(), recipient);
        invoice.sentWith(copy.getId());
        runtime.createProcessInstanceByKey(SendInvoiceProcess.KEY).businessKey(invoice.getNumber())
                .startBeforeActivity(SendInvoiceProcess.SEND_STEP)
                .setVariables(Map.of(InvoicingVariables.INVOICE_ID, invoiceId, InvoicingVariables.MAIL_ID, copy.getId()))
                .execute();
        return "%s is sent again to %s.".formatted(invoice.getNumber(), recipient);
    }

    /** The job of the invoice's Send invoice process that failed at least once, if any. */
    private Job failedJob(Long invoiceId) {
        for (ProcessInstance sending : runtime.createProcessInstanceQuery().processDefinitionKey(SendInvoiceProcess.KEY)
                .variableValueEquals(InvoicingVariables.INVOICE_ID, invoiceId).list()) {
            Job job = management.createJobQuery().processInstanceId(sending.getId()).withException().singleResult();
            if (job != null) {
                return job;
            }
        }
        return null;
    }
}

package dev.tandem.invoicing.process;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.common.BillingException;
import dev.tandem.common.NotFound;
import dev.tandem.invoicing.Invoice;
import dev.tandem.invoicing.InvoiceRecords;
import dev.tandem.invoicing.InvoiceRepository;
import dev.tandem.outbox.OutboundMail;
import dev.tandem.outbox.OutboundMailRepository;
import dev.tandem.outbox.Outbox;

/**
 * <em>Send again</em> on an invoice's page: the mail goes through the outbox and a retried job as
 * the first one did, so a failure is retried and ends as an incident, never lost.
 */
@Service
@Transactional
public class InvoiceMailing {

    private static final int RETRIES = 3;
    /** Where invoices and credit notes are printed and mailed, in every process that issues them. */
    private static final List<String> STEPS = List.of(SendInvoiceProcess.PRINT_STEP_ID, SendInvoiceProcess.SEND_STEP_ID);

    private final InvoiceRepository invoices;
    private final OutboundMailRepository mails;
    private final InvoiceRecords records;
    private final Outbox outbox;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final Clock clock;

    InvoiceMailing(InvoiceRepository invoices, OutboundMailRepository mails, InvoiceRecords records, Outbox outbox,
                   RuntimeService runtime, ManagementService management, Clock clock) {
        this.invoices = invoices;
        this.mails = mails;
        this.records = records;
        this.outbox = outbox;
        this.runtime = runtime;
        this.management = management;
        this.clock = clock;
    }

    /**
     * Printing or mailing that failed (retries left or an incident), in whichever process issued
     * the document, is tried again at once with its attempts renewed: the incident is solved, and a
     * process or invoice run waiting for it goes on. A document the customer's mail server accepted
     * is sent once more, as a copy of that mail to the customer's mail address of today. Refused
     * while a mail or copy is still on its way, for a document not posted, and when the mail
     * changed since the page was shown ({@code seen}: a second click after the first retry sent it).
     *
     * @return what happened, for the person who asked
     */
    public String sendAgain(Long invoiceId, String seen) {
        Invoice invoice = invoices.lock(invoiceId).orElseThrow(() -> NotFound.of("invoice", invoiceId));
        if (invoice.getState() != Invoice.State.POSTED) {
            throw new BillingException("Only a posted invoice is sent to the customer; this one is %s."
                    .formatted(invoice.getState().name().toLowerCase()));
        }
        OutboundMail mail = invoice.getMailId() == null ? null : mails.findById(invoice.getMailId()).orElse(null);
        List<OutboundMail> copies = records.copies(mail);
        if (!InvoiceRecords.seen(mail, copies).equals(seen == null ? "" : seen)) {
            throw new BillingException("The mail of %s changed since its page was shown: look at it again."
                    .formatted(invoice.getNumber()));
        }
        Job failed = failedJob(invoiceId);
        if (failed != null) {
            management.setJobRetries(failed.getId(), RETRIES);
            management.setJobDuedate(failed.getId(), Date.from(clock.instant()));
            return "%s: %s is tried again now.".formatted(invoice.getNumber(),
                    mail == null ? "printing" : "the mail");
        }
        if (mail == null || mail.getState() != OutboundMail.State.SENT
                || copies.stream().anyMatch(copy -> copy.getState() != OutboundMail.State.SENT)) {
            throw new BillingException("%s is still being %s: wait for it, or for its failure."
                    .formatted(invoice.getNumber(), mail == null ? "printed" : "sent"));
        }
        String recipient = invoice.getCustomer().mailAddress();
        OutboundMail copy = outbox.queueCopy(mail.getId(), recipient);
        runtime.createProcessInstanceByKey(SendInvoiceProcess.KEY).businessKey(invoice.getNumber())
                .startBeforeActivity(SendInvoiceProcess.SEND_STEP_ID)
                .setVariables(Map.of(InvoicingVariables.INVOICE_ID, invoiceId, Outbox.MAIL_ID, copy.getId()))
                .execute();
        return "%s is sent again to %s.".formatted(invoice.getNumber(), recipient);
    }

    /** A job that prints or mails this document and failed at least once, in any process. */
    private Job failedJob(Long invoiceId) {
        for (String step : STEPS) {
            for (Job job : management.createJobQuery().activityId(step).withException().list()) {
                if (invoiceId.equals(runtime.getVariable(job.getExecutionId(), InvoicingVariables.INVOICE_ID))) {
                    return job;
                }
            }
        }
        return null;
    }
}

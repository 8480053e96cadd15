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
import dev.tandem.common.Company;
import dev.tandem.common.NotFound;
import dev.tandem.invoicing.Invoice;
import dev.tandem.invoicing.InvoiceDocument;
import dev.tandem.invoicing.InvoiceRecords;
import dev.tandem.invoicing.InvoiceRepository;
import dev.tandem.outbox.OutboundMail;
import dev.tandem.outbox.OutboundMailRepository;
import dev.tandem.outbox.Outbox;

/**
 * The mail that carries a posted document to the customer, queued in the outbox with its PDF, and
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
    private final InvoiceDocument document;
    private final Company company;

    InvoiceMailing(InvoiceRepository invoices, OutboundMailRepository mails, InvoiceRecords records, Outbox outbox,
                   RuntimeService runtime, ManagementService management, Clock clock, InvoiceDocument document,
                   Company company) {
        this.document = document;
        this.company = company;
        this.invoices = invoices;
        this.mails = mails;
        this.records = records;
        this.outbox = outbox;
        this.runtime = runtime;
        this.management = management;
        this.clock = clock;
    }

    /**
     * Prints a posted document and queues its mail to the customer: an invoice with its total, a
     * credit note, or the final statement of an order its down payments settled. The document
     * keeps the mail; its id is returned for the step that sends it.
     */
    public Long queue(Long invoiceId) {
        Invoice invoice = invoices.findById(invoiceId).orElseThrow();
        if (invoice.getState() != Invoice.State.POSTED) {
            throw new IllegalStateException("Invoice %d is %s: only a posted invoice is printed and mailed."
                    .formatted(invoiceId, invoice.getState().name().toLowerCase()));
        }
        String subject;
        String body;
        if (invoice.isSettlement()) {
            // Not a bill: the final invoice of an order its down payments paid in full, for the customer's books.
            subject = "Order %s settled: final statement %s from %s".formatted(invoice.getOrderNumbers(),
                    invoice.getNumber(), company.name());
            body = """
                    Dear %s,

                    the work on order %s is invoiced in full. Your down payments cover it exactly, so nothing is due:
                    the attached final statement %s deducts them and comes to 0.00 %s.

                    Kind regards,
                    %s
                    """.formatted(invoice.getCustomer().getName(), invoice.getOrderNumbers(), invoice.getNumber(),
                    company.currency(), company.name());
        } else {
            String kind = invoice.getMoveType() == Invoice.MoveType.CREDIT_NOTE ? "Credit note" : "Invoice";
            subject = "%s %s from %s".formatted(kind, invoice.getNumber(), company.name());
            body = """
                    Dear %s,

                    please find attached our %s %s of %s %s.

                    Kind regards,
                    %s
                    """.formatted(invoice.getCustomer().getName(), kind.toLowerCase(), invoice.getNumber(),
                    invoice.shown(invoice.getAmountTotal()).toPlainString(), company.currency(), company.name());
        }
        OutboundMail mail = outbox.queue(invoice.getCustomer().mailAddress(), subject, body, document.fileName(invoice),
                document.pdf(invoice.getId()));
        invoice.sentWith(mail.getId());
        return mail.getId();
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

package dev.tandem.outbox;

import java.io.UnsupportedEncodingException;
import java.time.Clock;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tandem.common.Company;
import jakarta.mail.MessagingException;

/**
 * Mail leaves Tandem in two steps: {@link #queue} stores it with the business change that causes
 * it, {@link #deliver} hands it to the SMTP server from a retried job. A failed delivery keeps the
 * mail, counts the attempt and rethrows, so the job retries and finally raises an incident.
 */
@Service
@Transactional
public class Outbox {

    /** The process variable a print step leaves its queued mail's id in, for the step that sends it. */
    public static final String MAIL_ID = "mailId";

    private final OutboundMailRepository mails;
    private final JavaMailSender sender;
    private final SmtpConnections connections;
    private final Company company;
    private final TransactionTemplate separateTransaction;
    private final Clock clock;

    Outbox(OutboundMailRepository mails, JavaMailSender sender, SmtpConnections connections, Company company,
           PlatformTransactionManager transactions, Clock clock) {
        this.mails = mails;
        this.sender = sender;
        this.connections = connections;
        this.company = company;
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    public OutboundMail queue(String recipient, String subject, String body, String attachmentName,
                              byte[] attachment) {
        return mails.save(new OutboundMail(recipient, subject, body, attachmentName, attachment, clock.instant()));
    }

    /** Queues a copy of an earlier mail (its subject, text and attachment) to this recipient. */
    public OutboundMail queueCopy(Long mailId, String recipient) {
        OutboundMail earlier = mails.findById(mailId)
                .orElseThrow(() -> new IllegalStateException("No outbound mail " + mailId));
        OutboundMail copy = queue(recipient, earlier.getSubject(), earlier.getBody(), earlier.getAttachmentName(),
                earlier.getAttachment());
        copy.copies(mailId);
        return copy;
    }

    /**
     * Sends a queued mail at most once. The send is recorded, with the Message-ID the server
     * accepted, in a transaction of its own as soon as the server took the mail: whatever fails
     * afterwards (the job's transaction, the node), a retried job finds it sent and sends nothing.
     */
    public void deliver(Long mailId) {
        OutboundMail mail = mails.findById(mailId)
                .orElseThrow(() -> new IllegalStateException("No outbound mail " + mailId));
        if (mail.getState() == OutboundMail.State.SENT) {
            return;
        }
        String messageId;
        try {
            var message = sender.createMimeMessage();
            var helper = new MimeMessageHelper(message, mail.getAttachment() != null, "UTF-8");
            helper.setFrom(company.email(), company.name());
            helper.setTo(mail.getRecipient());
            helper.setSubject(mail.getSubject());
            helper.setText(mail.getBody());
            if (mail.getAttachment() != null) {
                helper.addAttachment(mail.getAttachmentName(), new ByteArrayResource(mail.getAttachment()),
                        "application/pdf");
            }
            connections.send(message);
            messageId = message.getMessageID();
        } catch (MessagingException | UnsupportedEncodingException | RuntimeException failure) {
            // The job's transaction rolls back; the attempt is recorded on its own so the row tells the story too.
            separateTransaction.executeWithoutResult(status -> mails.findById(mailId)
                    .ifPresent(row -> row.failed(failure.getMessage())));
            throw new MailDeliveryException("Mail %d to %s could not be sent: %s"
                    .formatted(mailId, mail.getRecipient(), failure.getMessage()), failure);
        }
        boolean recorded = Boolean.TRUE.equals(separateTransaction.execute(status -> mails.findById(mailId)
                .map(row -> {
                    row.sent(clock.instant(), messageId);
                    return true;
                }).orElse(false)));
        if (!recorded) {
            // Queued in this very transaction, so not visible to another one: recorded with it.
            mail.sent(clock.instant(), messageId);
        }
    }

    /** A technical failure: the job retries it and Cockpit shows the incident when retries run out. */
    public static class MailDeliveryException extends RuntimeException {
        MailDeliveryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

package dev.tandem.outbox;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A mail written in the same transaction as the business change that causes it, and sent
 * afterwards by a retried job: a mail server outage delays mail but loses none.
 */
@Entity
public class OutboundMail {

    public enum State { PENDING, SENT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String recipient;
    private String subject;
    private String body;
    private String attachmentName;
    private byte[] attachment;
    @Enumerated(EnumType.STRING)
    private State state = State.PENDING;
    private int attempts;
    private String lastError;
    private Instant createdAt;
    private Instant sentAt;
    private String messageId;
    /** The mail this one repeats (sent again), or null for a first mail. */
    private Long copyOf;

    protected OutboundMail() {
    }

    public OutboundMail(String recipient, String subject, String body, String attachmentName, byte[] attachment,
                        Instant now) {
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.attachmentName = attachmentName;
        this.attachment = attachment;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public String getAttachmentName() {
        return attachmentName;
    }

    public byte[] getAttachment() {
        return attachment;
    }

    public State getState() {
        return state;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    void copies(Long mailId) {
        this.copyOf = mailId;
    }

    public String getMessageId() {
        return messageId;
    }

    void sent(Instant now, String acceptedMessageId) {
        state = State.SENT;
        attempts++;
        sentAt = now;
        messageId = acceptedMessageId;
        lastError = null;
    }

    void failed(String error) {
        attempts++;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 2000));
    }
}

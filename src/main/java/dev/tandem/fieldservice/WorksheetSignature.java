package dev.tandem.fieldservice;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import dev.tandem.common.Audited;

/** The customer's signature on a worksheet: who, when, the drawn PNG, and what they signed with its SHA-256. */
@Entity
@Audited
public class WorksheetSignature {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "field_task_id")
    private Worksheet worksheet;

    private String signerName;
    private byte[] signaturePng;
    private Instant signedAt;
    private String contentSha256;
    private String signedContent;
    /** The newest timesheet entry of the task when it was signed; later ones are amendments it does not cover. */
    private Long lastEntryId;

    protected WorksheetSignature() {
    }

    WorksheetSignature(Worksheet worksheet, String signerName, byte[] signaturePng, Instant signedAt,
                       String signedContent, Long lastEntryId) {
        this.worksheet = worksheet;
        this.signerName = signerName;
        this.signaturePng = signaturePng;
        this.signedAt = signedAt;
        this.signedContent = signedContent;
        this.contentSha256 = WorksheetService.sha256(signedContent);
        this.lastEntryId = lastEntryId;
    }

    public Long getId() {
        return id;
    }

    public String getSignerName() {
        return signerName;
    }

    public byte[] getSignaturePng() {
        return signaturePng.clone();
    }

    public Instant getSignedAt() {
        return signedAt;
    }

    public String getContentSha256() {
        return contentSha256;
    }

    /** The text the customer signed; its SHA-256 is {@link #getContentSha256()}. */
    public String getSignedContent() {
        return signedContent;
    }

    public Long getLastEntryId() {
        return lastEntryId;
    }
}

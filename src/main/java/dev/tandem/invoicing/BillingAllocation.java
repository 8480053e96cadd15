package dev.tandem.invoicing;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.SequenceGenerator;

import dev.tandem.common.Audited;
import dev.tandem.timesheets.TimesheetEntry;

/**
 * One row of the billing ledger: the minutes of a timesheet entry that an invoice line bills
 * (positive) or a credit-note line gives back (negative). Drafts hold rows too; cancelling a draft
 * deletes them, which releases the entries. Each row adds its minutes to its entry's invoiced
 * minutes when it is saved, and {@link InvoiceLine#releaseAllocations()} takes them back.
 */
@Entity
@Audited
public class BillingAllocation {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "billing_allocation_seq")
    @SequenceGenerator(name = "billing_allocation_seq", sequenceName = "billing_allocation_seq", allocationSize = Invoice.IDS_AT_A_TIME)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private InvoiceLine invoiceLine;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "timesheet_entry_id")
    private TimesheetEntry entry;
    private int minutes;

    protected BillingAllocation() {
    }

    BillingAllocation(InvoiceLine invoiceLine, TimesheetEntry entry, int minutes) {
        this.invoiceLine = invoiceLine;
        this.entry = entry;
        this.minutes = minutes;
    }

    /** Saved, not planned: a plan refused before its invoice is saved leaves the entry as it was. */
    @PrePersist
    void holdEntry() {
        entry.ledgerHolds(minutes);
    }

    public Long getId() {
        return id;
    }

    public InvoiceLine getInvoiceLine() {
        return invoiceLine;
    }

    public TimesheetEntry getEntry() {
        return entry;
    }

    public int getMinutes() {
        return minutes;
    }
}

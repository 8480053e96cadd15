package dev.tandem.timesheets;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import org.hibernate.annotations.DynamicUpdate;

import dev.tandem.common.Audited;
import dev.tandem.catalog.Employee;
import dev.tandem.common.HoursAndMinutes;
import dev.tandem.sales.SalesOrderLine;

/**
 * Time an employee spent. Actual minutes are what was worked; billed minutes what the customer
 * pays (equal, unless a timer rounded them). Changes go through {@link TimesheetService}, which
 * refuses what the billing ledger forbids. An update writes only the columns it changed: a
 * description edited from a copy read before the entry was invoiced must not write back its
 * invoiced minutes as they were.
 */
@Entity
@Audited
@DynamicUpdate
public class TimesheetEntry {

    /**
     * Time still to invoice, the one rule every query that looks for it uses: an entry {@code e}
     * billable and not held by the billing ledger. In JPQL, and in SQL for the To-Invoice list.
     */
    public static final String TO_INVOICE = "(e.billable = true and e.invoicedMinutes = 0)";
    public static final String TO_INVOICE_SQL = "(e.billable = true and e.invoiced_minutes = 0)";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Employee employee;
    /** The day the work was done, in the employee's time zone. */
    private LocalDate workDate;
    private Instant startedAt;
    private Instant endedAt;
    private int actualMinutes;
    private int billedMinutes;
    private String description;
    private boolean billable;
    /** Recorded on a field task after the customer signed its worksheet: invoiced on its own. */
    private boolean amendment;
    /** For timer entries: the rounding rule that turned the actual minutes into the billed ones. */
    private String roundingRule;
    /** The surcharge on the hourly price (holiday, weekend, after hours) and the rule that chose it. */
    private int surchargePercent;
    private String surchargeRule;
    @ManyToOne(fetch = FetchType.LAZY)
    private SalesOrderLine salesOrderLine;
    /**
     * The minutes the billing ledger holds for this entry: 0 while it is open, its billed minutes
     * once invoiced (until a credit note gives them back). Kept by every write of the ledger, so
     * that open entries are found without summing it; BillingIntegrityCheck compares the two.
     */
    @Audited.Derived
    private int invoicedMinutes;
    /** The helpdesk ticket or the field task the time was spent on, if any (their features own them). */
    private Long ticketId;
    private Long fieldTaskId;

    protected TimesheetEntry() {
    }

    TimesheetEntry(Employee employee, LocalDate workDate, int actualMinutes, int billedMinutes, String description,
                   SalesOrderLine salesOrderLine, Long ticketId, Long fieldTaskId) {
        this.employee = employee;
        this.workDate = workDate;
        this.actualMinutes = actualMinutes;
        this.billedMinutes = billedMinutes;
        this.description = description;
        this.salesOrderLine = salesOrderLine;
        this.billable = salesOrderLine != null;
        this.ticketId = ticketId;
        this.fieldTaskId = fieldTaskId;
    }

    void markAmendment() {
        this.amendment = true;
    }

    public boolean isAmendment() {
        return amendment;
    }

    void timed(Instant startedAt, Instant endedAt, String roundingRule) {
        this.startedAt = startedAt;
        this.endedAt = endedAt;
        this.roundingRule = roundingRule;
    }

    public String getRoundingRule() {
        return roundingRule;
    }

    void surcharge(RateSurcharge surcharge) {
        this.surchargePercent = surcharge.percent();
        this.surchargeRule = surcharge.rule();
    }

    public RateSurcharge getSurcharge() {
        return new RateSurcharge(surchargePercent, surchargeRule);
    }

    void change(Employee employee, LocalDate workDate, int minutes, SalesOrderLine line) {
        this.employee = employee;
        this.workDate = workDate;
        if (minutes != billedMinutes) {
            this.actualMinutes = minutes;
            this.billedMinutes = minutes;
        }
        this.salesOrderLine = line;
        this.billable = line != null;
    }

    void describe(String description) {
        this.description = description;
    }

    public Long getId() {
        return id;
    }

    public Employee getEmployee() {
        return employee;
    }

    public LocalDate getWorkDate() {
        return workDate;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public int getActualMinutes() {
        return actualMinutes;
    }

    public int getInvoicedMinutes() {
        return invoicedMinutes;
    }

    /** Only the billing ledger calls this, as it bills (positive) or gives back (negative) minutes of the entry. */
    public void ledgerHolds(int minutes) {
        this.invoicedMinutes += minutes;
    }

    public int getBilledMinutes() {
        return billedMinutes;
    }

    /** As people read it: "0:37 h". */
    public String getActualTime() {
        return HoursAndMinutes.of(actualMinutes) + " h";
    }

    /** As people read it, with the decimal hours money is computed with: "0:45 h · 0.75 h". */
    public String getBilledTime() {
        return HoursAndMinutes.withDecimal(billedMinutes);
    }

    public String getDescription() {
        return description;
    }

    public boolean isBillable() {
        return billable;
    }

    public SalesOrderLine getSalesOrderLine() {
        return salesOrderLine;
    }

    public Long getTicketId() {
        return ticketId;
    }

    public Long getFieldTaskId() {
        return fieldTaskId;
    }
}

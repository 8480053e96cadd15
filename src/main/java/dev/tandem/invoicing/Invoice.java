package dev.tandem.invoicing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;

import org.hibernate.annotations.BatchSize;

import dev.tandem.catalog.Customer;
import dev.tandem.common.Audited;
import dev.tandem.sales.SalesOrder;

/**
 * An invoice or a credit note. Amounts and quantities are stored as seen from an invoice: a credit
 * note's lines and totals are negative, so every figure over all documents is a plain sum.
 * Documents show credit notes with the sign turned ({@link #shown(BigDecimal)}).
 */
@Entity
@Audited
public class Invoice {

    public enum MoveType { INVOICE, CREDIT_NOTE }

    public enum State { DRAFT, POSTED, CANCELLED }

    /**
     * Invoices, their lines and ledger rows take their ids from database sequences this many at a
     * time (V15 made the sequences step by it), so an invoice run inserts them in JDBC batches.
     */
    static final int IDS_AT_A_TIME = 50;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invoice_seq")
    @SequenceGenerator(name = "invoice_seq", sequenceName = "invoice_seq", allocationSize = Invoice.IDS_AT_A_TIME)
    private Long id;

    private String number;
    private Integer sequenceYear;
    private Integer sequenceNumber;
    @Enumerated(EnumType.STRING)
    private MoveType moveType = MoveType.INVOICE;
    @Enumerated(EnumType.STRING)
    private State state = State.DRAFT;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Customer customer;
    private LocalDate invoiceDate;
    private LocalDate dueDate;
    private LocalDate periodStart;
    private LocalDate periodEnd;
    @ManyToOne(fetch = FetchType.LAZY)
    private Invoice reversedInvoice;
    private BigDecimal amountUntaxed = BigDecimal.ZERO;
    private BigDecimal amountTax = BigDecimal.ZERO;
    private BigDecimal amountTotal = BigDecimal.ZERO;
    private Instant postedAt;
    private String invoiceRun;
    private Long mailId;
    private String approvedBy;
    private String creditRequestedBy;

    /** The orders it bills, by id: those of its lines (a credit note: of the lines it gives back). */
    @ManyToMany
    @JoinTable(name = "invoice_order", joinColumns = @JoinColumn(name = "invoice_id"),
            inverseJoinColumns = @JoinColumn(name = "sales_order_id"))
    @OrderBy("number")
    @BatchSize(size = 100)
    private Set<SalesOrder> orders = new LinkedHashSet<>();

    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<InvoiceLine> lines = new ArrayList<>();

    protected Invoice() {
    }

    Invoice(Customer customer, Collection<SalesOrder> orders, TimesheetsPeriod period) {
        this.customer = customer;
        this.orders.addAll(orders);
        this.periodStart = period.start();
        this.periodEnd = period.end();
    }

    static Invoice creditNoteOf(Invoice original) {
        Invoice credit = new Invoice(original.customer, List.of(), TimesheetsPeriod.ALL);
        credit.moveType = MoveType.CREDIT_NOTE;
        credit.reversedInvoice = original;
        return credit;
    }

    InvoiceLine add(InvoiceLine line) {
        line.attachTo(this, lines.size() + 1);
        orders.add(line.getSalesOrderLine().getOrder());
        lines.add(line);
        recomputeTotals();
        return line;
    }

    /** Totals are sums of the shown line figures; a negative total makes the document a credit note. */
    private void recomputeTotals() {
        amountUntaxed = lines.stream().map(InvoiceLine::getSubtotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        amountTax = lines.stream().map(InvoiceLine::getTax).reduce(BigDecimal.ZERO, BigDecimal::add);
        amountTotal = amountUntaxed.add(amountTax);
        moveType = amountTotal.signum() < 0 || reversedInvoice != null ? MoveType.CREDIT_NOTE : MoveType.INVOICE;
    }

    /**
     * A final invoice that its down payments pay in full: it comes to 0.00, settles the order and
     * asks the customer for nothing.
     */
    public boolean isSettlement() {
        return moveType == MoveType.INVOICE && amountTotal.signum() == 0 && deductsDownPayments();
    }

    /** Whether it deducts (or, as a credit note, gives back the deduction of) a down payment. */
    boolean deductsDownPayments() {
        return lines.stream().anyMatch(line -> line.getKind() == InvoiceLine.Kind.DOWN_PAYMENT_DEDUCTION);
    }

    /**
     * Numbers and dates it; an invoice that asks for money is due after the customer's payment
     * terms (a credit note or a settled final statement has no due date).
     */
    void post(LocalDate date, int year, int sequence, Instant now, int paymentTermsDays) {
        state = State.POSTED;
        invoiceDate = date;
        dueDate = dueDateIfPostedOn(date, paymentTermsDays);
        sequenceYear = year;
        sequenceNumber = sequence;
        number = "%s/%d/%05d".formatted(numberPrefix(), year, sequence);
        postedAt = now;
    }

    void cancel() {
        state = State.CANCELLED;
    }

    String numberPrefix() {
        return moveType == MoveType.CREDIT_NOTE ? "RINV" : "INV";
    }

    /** Its lines as text, one a line, as a person reviews a draft: "- Hours: 4.50 × 80.00 = 360.00". */
    public String summary() {
        return lines.stream().map(line -> "- %s: %s × %s = %s".formatted(line.getDescription(),
                        shown(line.getQuantity()).toPlainString(), line.getUnitPrice().toPlainString(),
                        shown(line.getSubtotal()).toPlainString()))
                .collect(Collectors.joining("\n"));
    }

    /** A figure as the customer reads it on this document. */
    public BigDecimal shown(BigDecimal amount) {
        return moveType == MoveType.CREDIT_NOTE ? amount.negate() : amount;
    }

    /** Who approved the draft at "Review draft invoice", or null. */
    public String getApprovedBy() {
        return approvedBy;
    }

    void approvedBy(String userId) {
        this.approvedBy = userId;
    }

    /** Who asked for a credit note against this invoice that is not issued yet, or null. */
    public String getCreditRequestedBy() {
        return creditRequestedBy;
    }

    void creditRequestedBy(String userId) {
        this.creditRequestedBy = userId;
    }

    /** The invoice run that created it, or null. */
    public String getInvoiceRun() {
        return invoiceRun;
    }

    void createdByRun(String runNumber) {
        this.invoiceRun = runNumber;
    }

    /** The mail that first carried the printed invoice (copies sent again refer to it), or null before printing. */
    public Long getMailId() {
        return mailId;
    }

    /** Records the mail that carries the printed invoice to the customer. */
    public void sentWith(Long mailId) {
        this.mailId = mailId;
    }

    /** Whether this document bills the order with this number. */
    public boolean bills(String orderNumber) {
        return orders.stream().anyMatch(order -> order.getNumber().equals(orderNumber));
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public Integer getSequenceYear() {
        return sequenceYear;
    }

    public Integer getSequenceNumber() {
        return sequenceNumber;
    }

    public MoveType getMoveType() {
        return moveType;
    }

    public State getState() {
        return state;
    }

    public Customer getCustomer() {
        return customer;
    }

    /** The due date it gets when posted on that day: none unless it asks the customer for money. */
    LocalDate dueDateIfPostedOn(LocalDate date, int paymentTermsDays) {
        return moveType == MoveType.INVOICE && amountTotal.signum() > 0 ? date.plusDays(paymentTermsDays) : null;
    }

    /** When the customer has to have paid; null for a credit note, a settled statement or a draft. */
    public LocalDate getDueDate() {
        return dueDate;
    }

    public LocalDate getInvoiceDate() {
        return invoiceDate;
    }

    public Set<SalesOrder> getOrders() {
        return orders;
    }

    /** The orders it bills as people read them: "S00001, S00002". */
    public String getOrderNumbers() {
        return orders.stream().map(SalesOrder::getNumber).collect(Collectors.joining(", "));
    }

    public TimesheetsPeriod getPeriod() {
        return new TimesheetsPeriod(periodStart, periodEnd);
    }

    public Invoice getReversedInvoice() {
        return reversedInvoice;
    }

    public BigDecimal getAmountUntaxed() {
        return amountUntaxed;
    }

    public BigDecimal getAmountTax() {
        return amountTax;
    }

    public BigDecimal getAmountTotal() {
        return amountTotal;
    }

    public Instant getPostedAt() {
        return postedAt;
    }

    public List<InvoiceLine> getLines() {
        return lines;
    }
}

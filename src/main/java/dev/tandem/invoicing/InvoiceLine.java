package dev.tandem.invoicing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;

import dev.tandem.common.Audited;
import dev.tandem.money.Money;
import dev.tandem.money.OrderBill;
import dev.tandem.sales.SalesOrderLine;

@Entity
@Audited
public class InvoiceLine {

    /** TIME lines bill timesheet entries through the ledger; ITEM lines bill ordered or delivered quantities. */
    public enum Kind { TIME, ITEM, DOWN_PAYMENT, DOWN_PAYMENT_DEDUCTION }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invoice_line_seq")
    @SequenceGenerator(name = "invoice_line_seq", sequenceName = "invoice_line_seq", allocationSize = Invoice.IDS_AT_A_TIME)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Invoice invoice;
    private int position;
    @ManyToOne(fetch = FetchType.LAZY)
    private SalesOrderLine salesOrderLine;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String description;
    private BigDecimal quantity;
    private BigDecimal unitPrice;
    private BigDecimal taxRate;
    private BigDecimal subtotal;
    private BigDecimal tax;

    @OneToMany(mappedBy = "invoiceLine", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<BillingAllocation> allocations = new ArrayList<>();

    protected InvoiceLine() {
    }

    /** A line with the figures it adds to its order's bill ({@link OrderBill}). */
    InvoiceLine(SalesOrderLine salesOrderLine, Kind kind, String description, BigDecimal unitPrice,
                BigDecimal taxRate, OrderBill.Change figures) {
        this.salesOrderLine = salesOrderLine;
        this.kind = kind;
        this.description = description;
        this.unitPrice = unitPrice;
        this.taxRate = taxRate;
        this.quantity = figures.quantity();
        this.subtotal = figures.subtotal();
        this.tax = figures.tax();
    }

    /**
     * Whether the line's hours are not its own minutes in hours, or its amount not quantity × unit
     * price: it bills part of an order line billed before, and carries the change in the order's
     * rounded figures.
     */
    public boolean isRoundedWithTheOrder() {
        if (kind == Kind.TIME) {
            int minutes = allocations.stream().mapToInt(BillingAllocation::getMinutes).sum();
            BigDecimal ownHours = Money.hours(Math.abs(minutes));
            if (quantity.abs().compareTo(ownHours) != 0) {
                return true;
            }
        }
        return subtotal.compareTo(Money.amount(quantity, unitPrice)) != 0;
    }

    void attachTo(Invoice invoice, int position) {
        this.invoice = invoice;
        this.position = position;
    }

    /** Deletes the line's ledger rows, which releases their entries. */
    void releaseAllocations() {
        allocations.forEach(allocation -> allocation.getEntry().ledgerHolds(-allocation.getMinutes()));
        allocations.clear();
    }

    void allocate(BillingAllocation allocation) {
        allocations.add(allocation);
    }

    public Long getId() {
        return id;
    }

    public Invoice getInvoice() {
        return invoice;
    }

    public int getPosition() {
        return position;
    }

    public SalesOrderLine getSalesOrderLine() {
        return salesOrderLine;
    }

    public Kind getKind() {
        return kind;
    }

    public String getDescription() {
        return description;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public BigDecimal getTaxRate() {
        return taxRate;
    }

    public BigDecimal getSubtotal() {
        return subtotal;
    }

    public BigDecimal getTax() {
        return tax;
    }

    public List<BillingAllocation> getAllocations() {
        return allocations;
    }
}

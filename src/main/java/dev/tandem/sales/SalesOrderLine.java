package dev.tandem.sales;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import dev.tandem.common.Audited;
import dev.tandem.catalog.Product;

/**
 * What the customer ordered. Delivered, invoiced and the statuses are derived
 * ({@link OrderFigures}), never stored.
 */
@Entity
@Audited
public class SalesOrderLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private SalesOrder order;
    private int position;
    /** Empty on down-payment lines. */
    @ManyToOne(fetch = FetchType.LAZY)
    private Product product;
    private String description;
    private BigDecimal orderedQuantity;
    private BigDecimal unitPrice;
    private BigDecimal taxRate;
    private boolean downPayment;
    private Instant upsellRequestedAt;

    protected SalesOrderLine() {
    }

    SalesOrderLine(SalesOrder order, int position, Product product, String description,
                   BigDecimal orderedQuantity, BigDecimal unitPrice, BigDecimal taxRate, boolean downPayment) {
        this.order = order;
        this.position = position;
        this.product = product;
        this.description = description;
        this.orderedQuantity = orderedQuantity;
        this.unitPrice = unitPrice;
        this.taxRate = taxRate;
        this.downPayment = downPayment;
    }

    public void markUpsellRequested(Instant now) {
        upsellRequestedAt = now;
    }

    public boolean isPrepaid() {
        return product != null && product.getBillingPolicy() == Product.BillingPolicy.PREPAID;
    }

    public boolean isTimesheetBilled() {
        return product != null && product.isTimesheetBilled();
    }

    /** A service sold by the hour, on which people log time. */
    public boolean isHourlyService() {
        return product != null && product.getKind() == Product.Kind.SERVICE && product.getUnit() == Product.Unit.HOUR;
    }

    public Long getId() {
        return id;
    }

    public SalesOrder getOrder() {
        return order;
    }

    public int getPosition() {
        return position;
    }

    public Product getProduct() {
        return product;
    }

    public String getDescription() {
        return description;
    }

    public BigDecimal getOrderedQuantity() {
        return orderedQuantity;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public BigDecimal getTaxRate() {
        return taxRate;
    }

    public boolean isDownPayment() {
        return downPayment;
    }

    public Instant getUpsellRequestedAt() {
        return upsellRequestedAt;
    }
}

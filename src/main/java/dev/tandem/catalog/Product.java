package dev.tandem.catalog;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

@Entity
public class Product {

    public enum Kind { SERVICE, CONSUMABLE, STORABLE }

    /** What the customer pays for; see BILLING-RULES.md, "Policies". */
    public enum BillingPolicy { PREPAID, TIMESHEET, DELIVERED }

    public enum Unit { HOUR, UNIT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;
    private String name;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Enumerated(EnumType.STRING)
    private BillingPolicy billingPolicy;
    @Enumerated(EnumType.STRING)
    private Unit unit;
    private BigDecimal listPrice;
    /** Percent, e.g. 21.00. */
    private BigDecimal taxRate;
    private BigDecimal cost;
    /** Share of the ordered hours a prepaid line may deliver before the salesperson is asked to sell more. */
    private BigDecimal upsellThreshold = BigDecimal.ONE;
    private boolean allowNegativeStock;

    protected Product() {
    }

    public Product(String code, String name, Kind kind, BillingPolicy billingPolicy, Unit unit,
                   BigDecimal listPrice, BigDecimal taxRate) {
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.billingPolicy = billingPolicy;
        this.unit = unit;
        this.listPrice = listPrice;
        this.taxRate = taxRate;
        this.cost = BigDecimal.ZERO;
    }

    public static Product service(String code, String name, BillingPolicy policy, Unit unit, String listPrice) {
        return new Product(code, name, Kind.SERVICE, policy, unit, new BigDecimal(listPrice), BigDecimal.ZERO);
    }

    public static Product storable(String code, String name, String listPrice) {
        return new Product(code, name, Kind.STORABLE, BillingPolicy.DELIVERED, Unit.UNIT,
                new BigDecimal(listPrice), BigDecimal.ZERO);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public Kind getKind() {
        return kind;
    }

    public BillingPolicy getBillingPolicy() {
        return billingPolicy;
    }

    public Unit getUnit() {
        return unit;
    }

    /** Billed by the minute through timesheets and the billing ledger. */
    public boolean isTimesheetBilled() {
        return billingPolicy == BillingPolicy.TIMESHEET && unit == Unit.HOUR;
    }

    public BigDecimal getListPrice() {
        return listPrice;
    }

    public BigDecimal getTaxRate() {
        return taxRate;
    }

    public Product withTaxRate(String percent) {
        this.taxRate = new BigDecimal(percent);
        return this;
    }

    public BigDecimal getCost() {
        return cost;
    }

    public BigDecimal getUpsellThreshold() {
        return upsellThreshold;
    }

    public Product withUpsellThreshold(String threshold) {
        this.upsellThreshold = new BigDecimal(threshold);
        return this;
    }

    public boolean isAllowNegativeStock() {
        return allowNegativeStock;
    }

    public Product allowingNegativeStock() {
        this.allowNegativeStock = true;
        return this;
    }
}

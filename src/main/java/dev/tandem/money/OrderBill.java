package dev.tandem.money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one order bills, at the order's tax rounding: rows of quantity × unit price at a tax rate,
 * each amount rounded to the cent, and the tax per row ({@link TaxRounding#PER_LINE}) or per rate
 * ({@link TaxRounding#PER_DOCUMENT}). Time is kept in minutes and shown as hours to two decimals.
 * <p>
 * A document bills the <em>change</em> it makes to these figures ({@link #addMinutes},
 * {@link #addQuantity}). Whatever the sequence (one invoice, invoices by period, partial credits and
 * invoicing again), an order's documents therefore add up, to the cent, to the figures of
 * everything billed at once; a document that bills a whole order alone is exactly that order at
 * its rounding. Order totals, forms, the To-Invoice list, down payments, invoices and credit notes
 * all compute through this class.
 */
public final class OrderBill {

    /** What one document line adds: quantity (hours for time), untaxed amount and tax. */
    public record Change(BigDecimal quantity, BigDecimal subtotal, BigDecimal tax) {

        public BigDecimal total() {
            return subtotal.add(tax);
        }
    }

    /** The untaxed amount and tax of one rate. */
    public record RateTotal(BigDecimal rate, BigDecimal untaxed, BigDecimal tax) {
    }

    private static final class Row {
        final BigDecimal unitPrice;
        final BigDecimal rate;
        final boolean minutes;
        BigDecimal measure = BigDecimal.ZERO;

        Row(BigDecimal unitPrice, BigDecimal rate, boolean minutes) {
            this.unitPrice = unitPrice;
            this.rate = rate;
            this.minutes = minutes;
        }

        BigDecimal quantity() {
            return minutes ? Money.hours(measure.longValueExact()) : measure;
        }

        BigDecimal subtotal() {
            return Money.amount(quantity(), unitPrice);
        }
    }

    private final TaxRounding rounding;
    private final Map<Object, Row> rows = new LinkedHashMap<>();

    public OrderBill(TaxRounding rounding) {
        this.rounding = rounding;
    }

    /** Adds (or, negative, removes) minutes of time on the row {@code key}. */
    public Change addMinutes(Object key, BigDecimal unitPrice, BigDecimal rate, long minutes) {
        return add(key, unitPrice, rate, true, BigDecimal.valueOf(minutes));
    }

    /** Adds (or, negative, removes) a quantity on the row {@code key}. */
    public Change addQuantity(Object key, BigDecimal unitPrice, BigDecimal rate, BigDecimal quantity) {
        return add(key, unitPrice, rate, false, quantity);
    }

    private Change add(Object key, BigDecimal unitPrice, BigDecimal rate, boolean minutes, BigDecimal delta) {
        Row row = rows.computeIfAbsent(key, k -> new Row(unitPrice, rate, minutes));
        if (row.minutes != minutes || row.unitPrice.compareTo(unitPrice) != 0 || row.rate.compareTo(rate) != 0) {
            throw new IllegalArgumentException("Row " + key + " is billed at another price, rate or unit");
        }
        BigDecimal quantityBefore = row.quantity();
        BigDecimal subtotalBefore = row.subtotal();
        BigDecimal taxBefore = taxOf(row, rate);
        row.measure = row.measure.add(delta);
        return new Change(row.quantity().subtract(quantityBefore), row.subtotal().subtract(subtotalBefore),
                taxOf(row, rate).subtract(taxBefore));
    }

    /** The tax that moves with this row: its own (per line) or its rate's (per document). */
    private BigDecimal taxOf(Row row, BigDecimal rate) {
        return rounding == TaxRounding.PER_LINE ? Money.tax(row.subtotal(), rate) : rateTotal(rate).tax();
    }

    private RateTotal rateTotal(BigDecimal rate) {
        BigDecimal untaxed = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        for (Row row : rows.values()) {
            if (row.rate.compareTo(rate) == 0) {
                untaxed = untaxed.add(row.subtotal());
                tax = tax.add(Money.tax(row.subtotal(), rate));
            }
        }
        return new RateTotal(rate, untaxed, rounding == TaxRounding.PER_LINE ? tax : Money.tax(untaxed, rate));
    }

    /** Untaxed amount and tax per rate, lowest rate first. */
    public List<RateTotal> byRate() {
        Map<BigDecimal, RateTotal> rates = new TreeMap<>();
        rows.values().forEach(row -> rates.computeIfAbsent(row.rate.stripTrailingZeros(), r -> rateTotal(row.rate)));
        return new ArrayList<>(rates.values());
    }

    public BigDecimal untaxed() {
        return byRate().stream().map(RateTotal::untaxed).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal tax() {
        return byRate().stream().map(RateTotal::tax).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Taxes included. */
    public BigDecimal total() {
        return untaxed().add(tax());
    }
}

package dev.tandem.invoicing;

import java.math.BigDecimal;

/** A down payment asked for before the work is invoiced: a percentage of the order or a fixed amount, tax included. */
public record DownPayment(Kind kind, BigDecimal value) {

    public enum Kind { PERCENTAGE, FIXED }

    public static DownPayment percentage(String percent) {
        return new DownPayment(Kind.PERCENTAGE, new BigDecimal(percent));
    }

    public static DownPayment fixed(String amountTaxIncluded) {
        return new DownPayment(Kind.FIXED, new BigDecimal(amountTaxIncluded));
    }
}

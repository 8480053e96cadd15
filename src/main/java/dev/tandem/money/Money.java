package dev.tandem.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The roundings a customer can re-check: hours to two decimals, amounts and taxes half-up to the
 * cent. Every figure Tandem shows or posts goes through these, mostly by way of {@link OrderBill}.
 */
public final class Money {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private Money() {
    }

    /** Minutes as decimal hours, to two decimals: 370 min is 6.17 h. */
    public static BigDecimal hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(SIXTY, 2, RoundingMode.HALF_UP);
    }

    /** Quantity × unit price, to the cent. */
    public static BigDecimal amount(BigDecimal quantity, BigDecimal unitPrice) {
        return quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
    }

    /** The tax on an amount at a rate in percent, to the cent. */
    public static BigDecimal tax(BigDecimal amount, BigDecimal ratePercent) {
        return amount.multiply(ratePercent).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    /** A percentage of an amount, to the cent. */
    public static BigDecimal percentOf(BigDecimal amount, BigDecimal percent) {
        return amount.multiply(percent).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    /** A price as Tandem stores it, two decimals, so that equal prices are equal keys. */
    public static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}

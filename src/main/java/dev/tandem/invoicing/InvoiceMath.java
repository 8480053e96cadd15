package dev.tandem.invoicing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Arithmetic customers can re-check: a time line's quantity is its hours to 2 decimals;
 * subtotal = shown quantity × shown unit price and tax per line, each rounded half-up to cents.
 */
public final class InvoiceMath {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal CENT = new BigDecimal("0.01");

    private InvoiceMath() {
    }

    static BigDecimal hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    public static BigDecimal subtotal(BigDecimal quantity, BigDecimal unitPrice) {
        return quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
    }

    public static BigDecimal tax(BigDecimal subtotal, BigDecimal ratePercent) {
        return subtotal.multiply(ratePercent).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    static BigDecimal percentOf(BigDecimal amount, BigDecimal percent) {
        return amount.multiply(percent).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    /**
     * The untaxed amount whose total with its own rounded tax is exactly {@code taxIncluded}, when
     * one exists. Per-line tax rounding leaves some totals unreachable (at 21 %, 0.43 lies between
     * 0.36 + 0.08 and 0.35 + 0.07); then the total lands one cent off, on the nearest reachable amount.
     */
    static BigDecimal untaxedFor(BigDecimal taxIncluded, BigDecimal ratePercent) {
        BigDecimal divisor = BigDecimal.ONE.add(ratePercent.divide(HUNDRED, 6, RoundingMode.HALF_UP));
        BigDecimal estimate = taxIncluded.divide(divisor, 2, RoundingMode.HALF_UP);
        for (BigDecimal candidate : new BigDecimal[] {estimate, estimate.subtract(CENT), estimate.add(CENT)}) {
            if (candidate.add(tax(candidate, ratePercent)).compareTo(taxIncluded) == 0) {
                return candidate;
            }
        }
        return estimate;
    }
}

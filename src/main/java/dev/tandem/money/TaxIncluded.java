package dev.tandem.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * An amount asked tax included, on one row at one rate: which untaxed amount reaches it to the cent.
 * Tax rounded to the cent leaves some totals out of reach (at 21 %, 0.36 + 0.08 = 0.44 and
 * 0.35 + 0.07 = 0.42: nothing makes 0.43); those are refused with their nearest neighbours.
 */
public final class TaxIncluded {

    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int SEARCH = 3;

    private TaxIncluded() {
    }

    /** Untaxed amount plus its tax, to the cent. */
    public static BigDecimal total(BigDecimal untaxed, BigDecimal rate) {
        return untaxed.add(Money.tax(untaxed, rate));
    }

    /** The untaxed amount whose total with its tax is exactly {@code taxIncluded}, if there is one. */
    public static Optional<BigDecimal> untaxedFor(BigDecimal taxIncluded, BigDecimal rate) {
        BigDecimal estimate = estimate(taxIncluded, rate);
        for (int step = -SEARCH; step <= SEARCH; step++) {
            BigDecimal candidate = estimate.add(CENT.multiply(BigDecimal.valueOf(step)));
            if (total(candidate, rate).compareTo(taxIncluded) == 0) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The reachable total just below {@code taxIncluded}. */
    public static BigDecimal below(BigDecimal taxIncluded, BigDecimal rate) {
        BigDecimal best = BigDecimal.ZERO;
        BigDecimal estimate = estimate(taxIncluded, rate);
        for (int step = -SEARCH; step <= SEARCH; step++) {
            BigDecimal total = total(estimate.add(CENT.multiply(BigDecimal.valueOf(step))), rate);
            if (total.compareTo(taxIncluded) < 0 && total.compareTo(best) > 0) {
                best = total;
            }
        }
        return best;
    }

    /** The reachable total just above {@code taxIncluded}. */
    public static BigDecimal above(BigDecimal taxIncluded, BigDecimal rate) {
        BigDecimal estimate = estimate(taxIncluded, rate);
        for (int step = -SEARCH; ; step++) {
            BigDecimal total = total(estimate.add(CENT.multiply(BigDecimal.valueOf(step))), rate);
            if (total.compareTo(taxIncluded) > 0) {
                return total;
            }
        }
    }

    private static BigDecimal estimate(BigDecimal taxIncluded, BigDecimal rate) {
        return taxIncluded.multiply(HUNDRED).divide(HUNDRED.add(rate), 2, RoundingMode.HALF_UP);
    }
}

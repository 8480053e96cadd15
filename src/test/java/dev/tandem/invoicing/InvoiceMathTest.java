package dev.tandem.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class InvoiceMathTest {

    @Test
    void scenario18_fixedAmountSplitsIntoUntaxedAndTaxThatAddUpExactly() {
        BigDecimal untaxed = InvoiceMath.untaxedFor(new BigDecimal("500.00"), new BigDecimal("21"));

        assertThat(untaxed).isEqualByComparingTo("413.22");
        assertThat(InvoiceMath.tax(untaxed, new BigDecimal("21"))).isEqualByComparingTo("86.78");
    }

    @Test
    void fixedAmountsHitTheCentWheneverATotalCanAndElseLandOneCentOff() {
        BigDecimal rate = new BigDecimal("21");
        int exact = 0;
        int tried = 0;
        for (int cents = 1; cents < 200_000; cents += 7, tried++) {
            BigDecimal amount = BigDecimal.valueOf(cents, 2);
            BigDecimal untaxed = InvoiceMath.untaxedFor(amount, rate);
            BigDecimal total = untaxed.add(InvoiceMath.tax(untaxed, rate));
            assertThat(total.subtract(amount).abs()).as("amount %s", amount).isLessThanOrEqualTo(new BigDecimal("0.01"));
            exact += total.compareTo(amount) == 0 ? 1 : 0;
        }
        assertThat(exact).as("exact totals out of %d", tried).isGreaterThan(tried * 3 / 4);
    }

    @Test
    void timeQuantityIsHoursToTwoDecimalsAndSubtotalUsesTheShownQuantity() {
        assertThat(InvoiceMath.hours(37)).isEqualByComparingTo("0.62");
        assertThat(InvoiceMath.subtotal(InvoiceMath.hours(37), new BigDecimal("80"))).isEqualByComparingTo("49.60");
        assertThat(InvoiceMath.tax(new BigDecimal("49.60"), new BigDecimal("21"))).isEqualByComparingTo("10.42");
    }
}

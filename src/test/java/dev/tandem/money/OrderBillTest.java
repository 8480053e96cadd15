package dev.tandem.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The one piece of code every figure goes through: roundings, tax per line or per document, changes. */
class OrderBillTest {

    private static final BigDecimal RATE_21 = new BigDecimal("21");

    @Test
    void scenario18_fixedAmountSplitsIntoUntaxedAndTaxThatAddUpExactly() {
        BigDecimal untaxed = TaxIncluded.untaxedFor(new BigDecimal("500.00"), RATE_21).orElseThrow();

        assertThat(untaxed).isEqualByComparingTo("413.22");
        assertThat(Money.tax(untaxed, RATE_21)).isEqualByComparingTo("86.78");
    }

    @Test
    void anAmountTaxRoundingCannotReachHasReachableNeighboursOneCentAway() {
        assertThat(TaxIncluded.untaxedFor(new BigDecimal("0.43"), RATE_21)).isEmpty();
        assertThat(TaxIncluded.below(new BigDecimal("0.43"), RATE_21)).isEqualByComparingTo("0.42");
        assertThat(TaxIncluded.above(new BigDecimal("0.43"), RATE_21)).isEqualByComparingTo("0.44");

        for (int cents = 1; cents < 100_000; cents += 7) {
            BigDecimal amount = BigDecimal.valueOf(cents, 2);
            for (String rate : List.of("0", "6", "12", "21")) {
                BigDecimal percent = new BigDecimal(rate);
                TaxIncluded.untaxedFor(amount, percent).ifPresentOrElse(
                        untaxed -> assertThat(TaxIncluded.total(untaxed, percent)).isEqualByComparingTo(amount),
                        () -> {
                            assertThat(TaxIncluded.below(amount, percent)).isEqualByComparingTo(
                                    amount.subtract(new BigDecimal("0.01")));
                            assertThat(TaxIncluded.above(amount, percent)).isEqualByComparingTo(
                                    amount.add(new BigDecimal("0.01")));
                        });
            }
        }
    }

    @Test
    void timeIsHoursToTwoDecimalsAndAnAmountIsShownHoursTimesPrice() {
        OrderBill bill = new OrderBill(TaxRounding.PER_LINE);

        OrderBill.Change change = bill.addMinutes("line", new BigDecimal("80.00"), RATE_21, 37);

        assertThat(change.quantity()).isEqualByComparingTo("0.62");
        assertThat(change.subtotal()).isEqualByComparingTo("49.60");
        assertThat(change.tax()).isEqualByComparingTo("10.42");
    }

    @Test
    void perLineRoundsEachLinesTaxAndPerDocumentEachRatesTax() {
        // Two lines at 21 %: 10.05 and 10.05 → per line 2.11 + 2.11 = 4.22; per document 21 % of 20.10 = 4.22
        // but 0.05 + 0.05: per line 0.01 + 0.01, per document 0.02 of 0.10 ... pick figures that differ:
        // 1.02 and 1.02 → per line 0.21 + 0.21 = 0.42; per document 21 % of 2.04 = 0.43.
        OrderBill perLine = new OrderBill(TaxRounding.PER_LINE);
        OrderBill perDocument = new OrderBill(TaxRounding.PER_DOCUMENT);
        for (OrderBill bill : List.of(perLine, perDocument)) {
            bill.addQuantity("a", new BigDecimal("1.02"), RATE_21, BigDecimal.ONE);
            bill.addQuantity("b", new BigDecimal("1.02"), RATE_21, BigDecimal.ONE);
        }

        assertThat(perLine.tax()).isEqualByComparingTo("0.42");
        assertThat(perDocument.tax()).isEqualByComparingTo("0.43");
        assertThat(perDocument.byRate()).singleElement().satisfies(rate -> {
            assertThat(rate.untaxed()).isEqualByComparingTo("2.04");
            assertThat(rate.tax()).isEqualByComparingTo("0.43");
        });
    }

    /** Documents billing an order in random pieces, given back and billed again, add up to the order at once. */
    @Test
    void changesAddUpToTheWholeOrderWhateverThePieces() {
        Random random = new Random(11);
        for (int order = 0; order < 2_000; order++) {
            TaxRounding rounding = order % 2 == 0 ? TaxRounding.PER_LINE : TaxRounding.PER_DOCUMENT;
            OrderBill pieces = new OrderBill(rounding);
            OrderBill atOnce = new OrderBill(rounding);
            BigDecimal documents = BigDecimal.ZERO;
            int rows = 1 + random.nextInt(5);
            for (int row = 0; row < rows; row++) {
                BigDecimal price = BigDecimal.valueOf(random.nextInt(20_000), 2);
                BigDecimal rate = List.of("0", "6", "12", "21").get(random.nextInt(4)).transform(BigDecimal::new);
                List<Integer> minutes = new ArrayList<>();
                int total = 0;
                for (int piece = random.nextInt(4) + 1; piece > 0; piece--) {
                    int m = 1 + random.nextInt(600);
                    minutes.add(m);
                    total += m;
                    documents = documents.add(pieces.addMinutes(row, price, rate, m).total());
                }
                int back = minutes.get(random.nextInt(minutes.size()));
                documents = documents.add(pieces.addMinutes(row, price, rate, -back).total());
                documents = documents.add(pieces.addMinutes(row, price, rate, back).total());
                atOnce.addMinutes(row, price, rate, total);
            }
            assertThat(documents).as("order %d", order).isEqualByComparingTo(atOnce.total());
        }
    }
}

package dev.tandem.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tandem.BillingFixtures;
import dev.tandem.TandemIntegrationTest;
import dev.tandem.catalog.Customer;
import dev.tandem.catalog.Employee;
import dev.tandem.catalog.Product;
import dev.tandem.common.BillingException;
import dev.tandem.inventory.InventoryService;
import dev.tandem.money.TaxRounding;
import dev.tandem.sales.SalesOrder;
import dev.tandem.sales.SalesOrderService;
import dev.tandem.timesheets.TimesheetService;
import dev.tandem.timesheets.TimesheetTarget;

/**
 * Random orders through the billing core, under both tax roundings: 1 to 8 lines (time on
 * timesheets, prepaid hours, prepaid and delivered units; tax 0, 6, 12 or 21 %; prices with cents;
 * time in minutes), then down payments as a percentage and as a fixed amount, invoices by period,
 * cancelled drafts, partial and full credits, and a final invoice that deducts the down payments.
 * <p>
 * For every order: a fixed down payment hits the amount asked to the cent, or is refused with the
 * nearest amounts, which can be asked; after a 100 % down payment the final invoice comes to exactly
 * 0.00 and is no credit note; once delivered and invoiced in full, Σ invoices − Σ credit notes is the
 * order's total at its rounding, computed here on its own; the ledger invariants hold throughout.
 * <p>
 * {@code -Dtandem.money.orders=N} (500 by default, 5,000 with {@code -Pmoney}) and
 * {@code -Dtandem.money.seed=S} choose the orders. A failing order is shrunk (steps, lines, entries
 * and prices taken away while it still fails) and printed, ready to become a named scenario.
 */
@TandemIntegrationTest
class MoneyPropertiesTest {

    private static final int ORDERS = Integer.getInteger("tandem.money.orders", 500);
    private static final long SEED = Long.getLong("tandem.money.seed", 20_261_202L);
    private static final List<String> RATES = List.of("0", "6", "12", "21");
    private static final Pattern NEAREST = Pattern.compile("The nearest amounts are (\\d+\\.\\d\\d) and (\\d+\\.\\d\\d)\\.");

    @Autowired BillingFixtures fixtures;
    @Autowired InvoicingService invoicing;
    @Autowired DownPayments downPayments;
    @Autowired CreditNotes creditNotes;
    @Autowired InvoiceLineRepository invoiceLines;
    @Autowired SalesOrderService salesOrders;
    @Autowired TimesheetService timesheets;
    @Autowired InventoryService inventory;
    @Autowired BillingIntegrityCheck integrity;
    @Autowired EntityManager em;
    @Autowired PlatformTransactionManager transactions;

    private final Map<String, Product> products = new HashMap<>();
    private Customer customer;
    private TransactionTemplate tx;

    enum Kind { TIMESHEET_HOURS, PREPAID_HOURS, PREPAID_UNITS, DELIVERED_UNITS }

    /**
     * One order line: its product kind, price and tax rate; for time on timesheets the minutes of each
     * entry (one day apart), for delivered units the quantity of each picking, else the quantity ordered.
     */
    record Line(Kind kind, String price, String rate, List<Integer> amounts) {

        BigDecimal ordered() {
            return switch (kind) {
                case TIMESHEET_HOURS -> BigDecimal.valueOf(amounts.stream().mapToInt(Integer::intValue).sum())
                        .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
                case PREPAID_HOURS -> BigDecimal.valueOf(amounts.get(0), 2);
                case PREPAID_UNITS, DELIVERED_UNITS -> BigDecimal.valueOf(amounts.stream().mapToInt(Integer::intValue).sum());
            };
        }

        @Override
        public String toString() {
            String what = switch (kind) {
                case TIMESHEET_HOURS -> "time on timesheets, entries of " + amounts + " min";
                case PREPAID_HOURS -> "prepaid hours × " + ordered();
                case PREPAID_UNITS -> "prepaid units × " + ordered();
                case DELIVERED_UNITS -> "delivered units in pickings of " + amounts;
            };
            return "%s at %s, tax %s %%".formatted(what, price, rate);
        }
    }

    sealed interface Step permits DownPaymentPercent, DownPaymentFixed, Invoice, CancelledDraft, PartialCredit,
            FullCredit {
    }

    record DownPaymentPercent(int percent) implements Step {
        @Override
        public String toString() {
            return "down payment of " + percent + " %";
        }
    }

    /** A fixed down payment of a share of the order total, in thousandths, at least 0.01. */
    record DownPaymentFixed(int permille) implements Step {
        @Override
        public String toString() {
            return "fixed down payment of " + permille + " ‰ of the total";
        }
    }

    /** An invoice of the time worked from {@code from} to {@code to} days ago (other lines in full). */
    record Invoice(int from, int to, boolean deduct) implements Step {
        @Override
        public String toString() {
            return "invoice days -%d..-%d%s".formatted(from, to, deduct ? " deducting down payments" : "");
        }
    }

    record CancelledDraft(int from, int to) implements Step {
        @Override
        public String toString() {
            return "draft of days -%d..-%d, cancelled".formatted(from, to);
        }
    }

    /** A credit of some entries of the last invoice with time, chosen by the bits of {@code pick}. */
    record PartialCredit(int pick) implements Step {
        @Override
        public String toString() {
            return "partial credit (pick " + pick + ") of the last invoice with time";
        }
    }

    record FullCredit() implements Step {
        @Override
        public String toString() {
            return "full credit of the last posted invoice";
        }
    }

    record Generated(int number, TaxRounding rounding, List<Line> lines, boolean fullDownPaymentFirst, List<Step> steps) {

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("Order #%d, tax rounding %s%n".formatted(number, rounding));
            for (int i = 0; i < lines.size(); i++) {
                text.append("  line %d: %s%n".formatted(i + 1, lines.get(i)));
            }
            if (fullDownPaymentFirst) {
                text.append(number % 4 < 2 ? "  down payment of 100 %" : "  fixed down payment of the order total")
                        .append(" before anything is invoiced").append(number % 2 == 0 ? ", the final invoice credited "
                                + "and invoiced again" : "").append('\n');
            }
            steps.forEach(step -> text.append("  then ").append(step).append('\n'));
            return text.append("  then the final invoice, deducting down payments\n").toString();
        }
    }

    @BeforeEach
    void catalogue() {
        tx = new TransactionTemplate(transactions);
        customer = fixtures.customer();
        for (String rate : RATES) {
            for (Kind kind : Kind.values()) {
                Product product = switch (kind) {
                    case TIMESHEET_HOURS -> Product.service("P-T" + rate + "-" + System.nanoTime(), "Service on timesheets",
                            Product.BillingPolicy.TIMESHEET, Product.Unit.HOUR, "80");
                    case PREPAID_HOURS -> Product.service("P-P" + rate + "-" + System.nanoTime(), "Prepaid hours",
                            Product.BillingPolicy.PREPAID, Product.Unit.HOUR, "100");
                    case PREPAID_UNITS -> Product.service("P-F" + rate + "-" + System.nanoTime(), "Set-up fee",
                            Product.BillingPolicy.PREPAID, Product.Unit.UNIT, "50");
                    case DELIVERED_UNITS -> Product.storable("P-D" + rate + "-" + System.nanoTime(), "Access point", "25");
                };
                products.put(kind + rate, fixtures.save(product.withTaxRate(rate)));
            }
            inventory.receive(products.get(Kind.DELIVERED_UNITS + rate).getId(), BigDecimal.valueOf(1_000_000));
        }
    }

    @Test
    void randomOrdersCloseToTheCentUnderBothRoundings() {
        Random random = new Random(SEED);
        for (int number = 1; number <= ORDERS; number++) {
            Generated order = generate(random, number);
            Optional<String> failure = failure(order);
            if (failure.isPresent()) {
                Shrunk shrunk = shrink(order, failure.get());
                throw new AssertionError("Seed %d, order #%d fails; shrunk to:%n%s%nbecause: %s".formatted(
                        SEED, number, shrunk.order(), shrunk.failure()));
            }
            if (number % 100 == 0) {
                assertThat(integrity.run().violations()).as("after %d orders", number).isEmpty();
            }
        }
        assertThat(integrity.run().violations()).isEmpty();
    }

    // ---------------------------------------------------------------- generating

    private static Generated generate(Random random, int number) {
        TaxRounding rounding = random.nextBoolean() ? TaxRounding.PER_LINE : TaxRounding.PER_DOCUMENT;
        List<Line> lines = new ArrayList<>();
        for (int i = 1 + random.nextInt(8); i > 0; i--) {
            Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
            String price = BigDecimal.valueOf(1 + random.nextInt(25_000), 2).toPlainString();
            List<Integer> amounts = new ArrayList<>();
            switch (kind) {
                case TIMESHEET_HOURS -> {
                    for (int entries = 1 + random.nextInt(6); entries > 0; entries--) {
                        amounts.add(1 + random.nextInt(600));
                    }
                }
                case PREPAID_HOURS -> amounts.add(1 + random.nextInt(4_000));
                case PREPAID_UNITS -> amounts.add(1 + random.nextInt(5));
                case DELIVERED_UNITS -> {
                    for (int pickings = 1 + random.nextInt(2); pickings > 0; pickings--) {
                        amounts.add(1 + random.nextInt(4));
                    }
                }
            }
            lines.add(new Line(kind, price, RATES.get(random.nextInt(RATES.size())), amounts));
        }
        if (random.nextInt(5) == 0) {
            return new Generated(number, rounding, lines, true, List.of());
        }
        List<Step> steps = new ArrayList<>();
        for (int i = random.nextInt(6); i > 0; i--) {
            int from = 1 + random.nextInt(8);
            int to = random.nextInt(from + 1);
            int kind = random.nextInt(6);
            steps.add(kind == 0 ? new DownPaymentPercent(1 + random.nextInt(100))
                    : kind == 1 ? new DownPaymentFixed(1 + random.nextInt(1_000))
                    : kind == 2 ? new Invoice(from, to, random.nextBoolean())
                    : kind == 3 ? new CancelledDraft(from, to)
                    : kind == 4 ? new PartialCredit(random.nextInt(1 << 8))
                    : new FullCredit());
        }
        return new Generated(number, rounding, lines, false, steps);
    }

    // ---------------------------------------------------------------- running one order

    /** What is wrong with this order's billing, if anything. */
    private Optional<String> failure(Generated generated) {
        try {
            run(generated);
            return Optional.empty();
        } catch (AssertionError | RuntimeException wrong) {
            return Optional.of(wrong.getClass().getSimpleName() + ": " + wrong.getMessage());
        }
    }

    private void run(Generated generated) {
        LocalDate today = BillingFixtures.today();
        SalesOrder quotation = salesOrders.createQuotation(customer.getId(), "sam", today, generated.rounding());
        Long orderId = quotation.getId();
        List<Long> lineIds = new ArrayList<>();
        for (Line line : generated.lines()) {
            lineIds.add(salesOrders.addLine(orderId, products.get(line.kind() + line.rate()).getId(), line.ordered(),
                    new BigDecimal(line.price())).getId());
        }
        salesOrders.confirm(orderId);
        List<Long> posted = new ArrayList<>();

        if (generated.fullDownPaymentFirst()) {
            // Half as 100 %, half as a fixed amount of the order's total as shown.
            DownPayment all = generated.number() % 4 < 2 ? DownPayment.percentage("100") : DownPayment.fixed(
                    tx.execute(status -> em.find(SalesOrder.class, orderId).ordered().total()).toPlainString());
            posted.add(invoicing.post(downPayments.create(orderId, all).getId()).getId());
        }
        for (int i = 0; i < generated.lines().size(); i++) {
            deliver(generated.lines().get(i), lineIds.get(i), today);
        }
        for (Step step : generated.steps()) {
            apply(step, orderId, today, posted);
        }
        List<Long> finals = new ArrayList<>();
        while (true) {
            try {
                finals.add(invoicing.post(invoicing.createInvoice(orderId, TimesheetsPeriod.ALL, true).getId()).getId());
            } catch (BillingException nothingLeft) {
                assertThat(nothingLeft.getMessage()).startsWith("Nothing to invoice");
                break;
            }
        }
        if (generated.fullDownPaymentFirst()) {
            assertThat(finals).as("a final invoice after a 100 %% down payment").singleElement()
                    .satisfies(this::assertSettles);
            if (generated.number() % 2 == 0) {
                // Credited in full (a credit note of 0.00 giving back time and deduction), then settled again.
                invoicing.post(creditNotes.create(finals.get(0), null).getId());
                assertSettles(invoicing.post(invoicing.createInvoice(orderId, TimesheetsPeriod.ALL, true).getId())
                        .getId());
            }
        }
        creditDownPaymentsLeftUndeducted(orderId);

        assertThat(billedTotal(orderId)).as("Σ invoices − Σ credit notes of the order")
                .isEqualByComparingTo(expectedTotal(generated));
    }

    private void assertSettles(Long invoiceId) {
        tx.executeWithoutResult(status -> {
            dev.tandem.invoicing.Invoice settled = em.find(dev.tandem.invoicing.Invoice.class, invoiceId);
            assertThat(settled.getAmountUntaxed()).as("its untaxed amount").isEqualByComparingTo("0.00");
            assertThat(settled.getAmountTax()).as("its tax").isEqualByComparingTo("0.00");
            assertThat(settled.getMoveType()).isEqualTo(dev.tandem.invoicing.Invoice.MoveType.INVOICE);
            assertThat(settled.isSettlement()).isTrue();
        });
    }

    private void deliver(Line line, Long lineId, LocalDate today) {
        switch (line.kind()) {
            case TIMESHEET_HOURS -> {
                Employee employee = fixtures.employee();
                for (int i = 0; i < line.amounts().size(); i++) {
                    BigDecimal hours = BigDecimal.valueOf(line.amounts().get(i))
                            .divide(BigDecimal.valueOf(60), 10, RoundingMode.HALF_UP);
                    timesheets.recordHours(employee.getId(), TimesheetTarget.orderLine(lineId), today.minusDays(i + 1),
                            hours, "Work");
                }
            }
            case DELIVERED_UNITS -> line.amounts().forEach(quantity -> inventory.validate(
                    inventory.planDelivery(lineId, BigDecimal.valueOf(quantity)).getId()));
            case PREPAID_HOURS, PREPAID_UNITS -> {
            }
        }
    }

    private void apply(Step step, Long orderId, LocalDate today, List<Long> posted) {
        if (step instanceof DownPaymentPercent percent) {
            posted.add(invoicing.post(downPayments.create(orderId,
                    DownPayment.percentage(String.valueOf(percent.percent()))).getId()).getId());
        } else if (step instanceof DownPaymentFixed fixed) {
            fixedDownPayment(orderId, fixed, posted);
        } else if (step instanceof Invoice invoice) {
            try {
                posted.add(invoicing.post(invoicing.createInvoice(orderId, period(today, invoice.from(), invoice.to()),
                        invoice.deduct()).getId()).getId());
            } catch (BillingException nothing) {
                assertThat(nothing.getMessage()).startsWith("Nothing to invoice");
            }
        } else if (step instanceof CancelledDraft draft) {
            try {
                invoicing.cancelDraft(invoicing.createInvoice(orderId, period(today, draft.from(), draft.to()), true)
                        .getId());
            } catch (BillingException nothing) {
                assertThat(nothing.getMessage()).startsWith("Nothing to invoice");
            }
        } else if (step instanceof PartialCredit credit) {
            lastWithTime(posted).ifPresent(invoiceId -> {
                List<Long> billed = entriesStillBilled(invoiceId);
                Set<Long> chosen = new LinkedHashSet<>();
                for (int i = 0; i < billed.size(); i++) {
                    if ((credit.pick() >> (i % 8) & 1) == 1) {
                        chosen.add(billed.get(i));
                    }
                }
                if (chosen.isEmpty() && !billed.isEmpty()) {
                    chosen.add(billed.get(0));
                }
                if (!chosen.isEmpty()) {
                    posted.add(invoicing.post(creditNotes.create(invoiceId, chosen).getId()).getId());
                }
            });
        } else if (step instanceof FullCredit && !posted.isEmpty()) {
            try {
                posted.add(invoicing.post(creditNotes.create(posted.get(posted.size() - 1), null)
                        .getId()).getId());
            } catch (BillingException refused) {
                assertThat(refused.getMessage()).containsAnyOf("Only a posted invoice can be credited",
                        "already been credited", "deducted by a later invoice");
            }
        }
    }

    /** Hits the amount to the cent, or is refused with the nearest amounts; the one below is then asked. */
    private void fixedDownPayment(Long orderId, DownPaymentFixed fixed, List<Long> posted) {
        BigDecimal total = tx.execute(status -> em.find(SalesOrder.class, orderId).ordered().total());
        BigDecimal asked = total.multiply(BigDecimal.valueOf(fixed.permille()))
                .divide(BigDecimal.valueOf(1_000), 2, RoundingMode.HALF_UP).max(new BigDecimal("0.01"));
        try {
            dev.tandem.invoicing.Invoice invoice = downPayments.create(orderId,
                    DownPayment.fixed(asked.toPlainString()));
            assertThat(invoice.getAmountTotal()).as("a fixed down payment of %s", asked).isEqualByComparingTo(asked);
            posted.add(invoicing.post(invoice.getId()).getId());
        } catch (BillingException refused) {
            assertThat(fixed.permille()).as("the whole total can always be asked: %s", refused.getMessage())
                    .isLessThan(1_000);
            Matcher nearest = NEAREST.matcher(refused.getMessage());
            assertThat(nearest.find()).as("refusal %s names the nearest amounts", refused.getMessage()).isTrue();
            BigDecimal below = new BigDecimal(nearest.group(1));
            BigDecimal above = new BigDecimal(nearest.group(2));
            assertThat(below).isLessThan(asked);
            assertThat(above).isGreaterThan(asked);
            if (below.signum() > 0) {
                dev.tandem.invoicing.Invoice invoice = downPayments.create(orderId,
                        DownPayment.fixed(below.toPlainString()));
                assertThat(invoice.getAmountTotal()).as("the nearest amount below, %s", below).isEqualByComparingTo(below);
                posted.add(invoicing.post(invoice.getId()).getId());
            }
        }
    }

    /** A down payment no invoice could deduct any more (everything was invoiced before it) is credited. */
    private void creditDownPaymentsLeftUndeducted(Long orderId) {
        List<Long> toCredit = tx.execute(status -> em.createQuery("""
                select distinct l.invoice.id from InvoiceLine l
                where l.salesOrderLine.order.id = :order and l.kind = dev.tandem.invoicing.InvoiceLine.Kind.DOWN_PAYMENT
                  and l.quantity > 0 and l.invoice.state = dev.tandem.invoicing.Invoice.State.POSTED""", Long.class)
                .setParameter("order", orderId).getResultList().stream()
                .filter(invoiceId -> em.find(dev.tandem.invoicing.Invoice.class, invoiceId).getLines().stream()
                        .anyMatch(line -> invoiceLines.postedDownPayment(line.getSalesOrderLine().getId()).signum() > 0
                                && !invoiceLines.isDeducted(line.getSalesOrderLine().getId())))
                .toList());
        toCredit.forEach(invoiceId -> invoicing.post(creditNotes.create(invoiceId, null).getId()));
    }

    private static TimesheetsPeriod period(LocalDate today, int from, int to) {
        return new TimesheetsPeriod(today.minusDays(from), today.minusDays(to));
    }

    private Optional<Long> lastWithTime(List<Long> posted) {
        for (int i = posted.size() - 1; i >= 0; i--) {
            Long id = posted.get(i);
            if (fixtures.view(id).moveType() == dev.tandem.invoicing.Invoice.MoveType.INVOICE
                    && fixtures.view(id).lines().stream().anyMatch(line -> !line.entryIds().isEmpty())) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    private List<Long> entriesStillBilled(Long invoiceId) {
        return fixtures.view(invoiceId).lines().stream().flatMap(line -> line.entryIds().stream())
                .filter(entryId -> invoiceLines.minutesStillBilled(entryId, invoiceId) > 0).toList();
    }

    private BigDecimal billedTotal(Long orderId) {
        return tx.execute(status -> em.createQuery("""
                select coalesce(sum(l.subtotal + l.tax), 0) from InvoiceLine l
                where l.salesOrderLine.order.id = :order
                  and l.invoice.state = dev.tandem.invoicing.Invoice.State.POSTED""", BigDecimal.class)
                .setParameter("order", orderId).getSingleResult());
    }

    /** The order's total at its rounding, computed here from the generated order alone. */
    static BigDecimal expectedTotal(Generated generated) {
        BigDecimal untaxed = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        Map<BigDecimal, BigDecimal> byRate = new TreeMap<>();
        for (Line line : generated.lines()) {
            BigDecimal amount = line.ordered().multiply(new BigDecimal(line.price())).setScale(2, RoundingMode.HALF_UP);
            BigDecimal rate = new BigDecimal(line.rate());
            untaxed = untaxed.add(amount);
            tax = tax.add(percent(amount, rate));
            byRate.merge(rate, amount, BigDecimal::add);
        }
        if (generated.rounding() == TaxRounding.PER_DOCUMENT) {
            tax = byRate.entrySet().stream().map(rate -> percent(rate.getValue(), rate.getKey()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        return untaxed.add(tax);
    }

    private static BigDecimal percent(BigDecimal amount, BigDecimal rate) {
        return amount.multiply(rate).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    // ---------------------------------------------------------------- shrinking

    record Shrunk(Generated order, String failure) {
    }

    /** Takes away steps, lines, entries and cents while the order still fails, until nothing more can go. */
    private Shrunk shrink(Generated failing, String failure) {
        Shrunk smallest = new Shrunk(failing, failure);
        boolean smaller = true;
        while (smaller) {
            smaller = false;
            for (Generated candidate : simpler(smallest.order())) {
                Optional<String> stillFails = failure(candidate);
                if (stillFails.isPresent()) {
                    smallest = new Shrunk(candidate, stillFails.get());
                    smaller = true;
                    break;
                }
            }
        }
        return smallest;
    }

    private static List<Generated> simpler(Generated order) {
        List<Generated> candidates = new ArrayList<>();
        for (int i = 0; i < order.steps().size(); i++) {
            List<Step> steps = new ArrayList<>(order.steps());
            steps.remove(i);
            candidates.add(new Generated(order.number(), order.rounding(), order.lines(), order.fullDownPaymentFirst(), steps));
        }
        if (order.fullDownPaymentFirst()) {
            candidates.add(new Generated(order.number(), order.rounding(), order.lines(), false, order.steps()));
        }
        for (int i = 0; i < order.lines().size(); i++) {
            Line line = order.lines().get(i);
            if (order.lines().size() > 1) {
                List<Line> lines = new ArrayList<>(order.lines());
                lines.remove(i);
                candidates.add(withLines(order, lines));
            }
            for (int j = 0; j < line.amounts().size() && line.amounts().size() > 1; j++) {
                List<Integer> amounts = new ArrayList<>(line.amounts());
                amounts.remove(j);
                candidates.add(withLine(order, i, new Line(line.kind(), line.price(), line.rate(), amounts)));
            }
            String wholePrice = new BigDecimal(line.price()).setScale(0, RoundingMode.DOWN).max(BigDecimal.ONE).toPlainString();
            if (!wholePrice.equals(line.price())) {
                candidates.add(withLine(order, i, new Line(line.kind(), wholePrice, line.rate(), line.amounts())));
            }
            if (!line.rate().equals("0")) {
                candidates.add(withLine(order, i, new Line(line.kind(), line.price(), "0", line.amounts())));
            }
        }
        return candidates;
    }

    private static Generated withLines(Generated order, List<Line> lines) {
        return new Generated(order.number(), order.rounding(), lines, order.fullDownPaymentFirst(), order.steps());
    }

    private static Generated withLine(Generated order, int index, Line line) {
        List<Line> lines = new ArrayList<>(order.lines());
        lines.set(index, line);
        return withLines(order, lines);
    }
}

package dev.tandem.invoicing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.common.BillingException;
import dev.tandem.common.NotFound;
import dev.tandem.money.Money;
import dev.tandem.money.OrderBill;
import dev.tandem.money.TaxIncluded;
import dev.tandem.money.TaxRounding;
import dev.tandem.sales.SalesOrder;
import dev.tandem.sales.SalesOrderLine;
import dev.tandem.sales.SalesOrderRepository;
import dev.tandem.sales.SalesOrderService;

/**
 * Down payments: an invoice asking part of an order in advance, as a percentage or a fixed amount
 * tax included, each of its lines a down-payment line of the order that a final invoice deducts.
 */
@Service
@Transactional(noRollbackFor = BillingException.class)
public class DownPayments {

    public static final String NOT_POSITIVE = "The value of the down payment amount must be positive.";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal CENT = new BigDecimal("0.01");

    private final InvoiceRepository invoices;
    private final SalesOrderRepository orders;
    private final SalesOrderService salesOrders;
    private final InvoicePlanner planner;

    DownPayments(InvoiceRepository invoices, SalesOrderRepository orders, SalesOrderService salesOrders,
                 InvoicePlanner planner) {
        this.invoices = invoices;
        this.orders = orders;
        this.salesOrders = salesOrders;
        this.planner = planner;
    }

    /**
     * A down-payment invoice: a percentage of the untaxed ordered amount (of each line when tax is
     * rounded per line, of each rate when per document), or a fixed amount, tax included, that the
     * invoice hits to the cent or is refused with the nearest amounts it could hit. Each line of the
     * invoice is a down-payment line on the order, which a final invoice deducts exactly.
     */
    public Invoice create(Long orderId, DownPayment downPayment) {
        SalesOrder order = orders.lock(orderId).orElseThrow(() -> NotFound.of("sales order", orderId));
        if (order.getState() != SalesOrder.State.CONFIRMED) {
            throw new BillingException("A down payment needs a confirmed order: %s is %s."
                    .formatted(order.getNumber(), order.getState().name().toLowerCase()));
        }
        if (downPayment == null || downPayment.value() == null || downPayment.value().signum() <= 0) {
            throw new BillingException(NOT_POSITIVE);
        }
        planner.refuseWhileDraftOpen(order);
        OrderBill ordered = order.ordered();
        BigDecimal orderTotal = ordered.total();
        if (orderTotal.signum() <= 0) {
            throw new BillingException("Order %s has no ordered amount to ask a down payment on.".formatted(order.getNumber()));
        }
        boolean percentage = downPayment.kind() == DownPayment.Kind.PERCENTAGE;
        if (downPayment.value().compareTo(percentage ? HUNDRED : orderTotal) > 0) {
            throw new BillingException("The down payment cannot exceed the order total of %s.".formatted(orderTotal));
        }
        String description = percentage
                ? "Down payment of %s %% on %s".formatted(downPayment.value().stripTrailingZeros().toPlainString(),
                        order.getNumber())
                : "Down payment on " + order.getNumber();
        // A fixed amount of the whole total is the order itself, row for row, so that its final invoice is 0.00.
        List<Asked> asked = percentage || downPayment.value().compareTo(orderTotal) == 0
                ? percentageOf(order, ordered, percentage ? downPayment.value() : HUNDRED, description)
                : fixedAmount(order, ordered, downPayment.value(), description);
        if (asked.stream().allMatch(row -> row.untaxed().signum() == 0)) {
            throw new BillingException("A down payment of %s %% on %s comes to 0.00.".formatted(
                    downPayment.value().stripTrailingZeros().toPlainString(), order.getNumber()));
        }
        Invoice invoice = new Invoice(order.getCustomer(), List.of(order), TimesheetsPeriod.ALL);
        OrderBill bill = new OrderBill(order.getTaxRounding());
        asked.stream().filter(row -> row.untaxed().signum() > 0).forEach(row -> {
            SalesOrderLine line = salesOrders.addDownPaymentLine(order, row.description(), row.untaxed(), row.rate());
            invoice.add(new InvoiceLine(line, InvoiceLine.Kind.DOWN_PAYMENT, row.description(), row.untaxed(),
                    row.rate(), bill.addQuantity(line, row.untaxed(), row.rate(), BigDecimal.ONE)));
        });
        return invoices.save(invoice);
    }

    /** One line of a down payment: an untaxed amount at a tax rate. */
    private record Asked(String description, BigDecimal rate, BigDecimal untaxed) {
    }

    /** Per order line when tax is rounded per line, per rate when per document: 100 % is the order exactly. */
    private static List<Asked> percentageOf(SalesOrder order, OrderBill ordered, BigDecimal percent,
                                            String description) {
        if (order.getTaxRounding() == TaxRounding.PER_DOCUMENT) {
            return ordered.byRate().stream().map(rate -> new Asked(description, rate.rate(),
                    Money.percentOf(rate.untaxed(), percent))).toList();
        }
        return order.getLines().stream().filter(line -> !line.isDownPayment())
                .map(line -> new Asked(description + " · " + line.getDescription(), line.getTaxRate(),
                        Money.percentOf(Money.amount(line.getOrderedQuantity(), line.getUnitPrice()), percent)))
                .toList();
    }

    /**
     * A fixed amount shared among the order's tax rates in proportion to their totals, each share an
     * untaxed amount whose total with its tax is the share to the cent. Where tax rounding leaves a
     * share out of reach, a cent moves to another rate; when no rate can take it, the amount is
     * refused with the nearest amounts that can be asked.
     */
    private static List<Asked> fixedAmount(SalesOrder order, OrderBill ordered, BigDecimal amount, String description) {
        List<OrderBill.RateTotal> rates = ordered.byRate().stream()
                .filter(rate -> rate.untaxed().add(rate.tax()).signum() > 0).toList();
        BigDecimal orderTotal = ordered.total();
        List<BigDecimal> shares = new ArrayList<>();
        BigDecimal assigned = BigDecimal.ZERO;
        for (int i = 0; i < rates.size(); i++) {
            BigDecimal rateTotal = rates.get(i).untaxed().add(rates.get(i).tax());
            BigDecimal share = i == rates.size() - 1 ? amount.subtract(assigned)
                    : amount.multiply(rateTotal).divide(orderTotal, 2, RoundingMode.HALF_UP);
            shares.add(share);
            assigned = assigned.add(share);
        }
        for (int i = 0; i < rates.size(); i++) {
            if (TaxIncluded.untaxedFor(shares.get(i), rates.get(i).rate()).isEmpty()
                    && !moveACent(shares, rates, i)) {
                BigDecimal share = shares.get(i);
                BigDecimal rate = rates.get(i).rate();
                BigDecimal rest = amount.subtract(share);
                throw new BillingException(("A down payment of exactly %s cannot be reached on %s: with tax at %s %% "
                        + "rounded to the cent, no untaxed amount comes to %s. The nearest amounts are %s and %s.")
                        .formatted(amount, order.getNumber(), rate.stripTrailingZeros().toPlainString(), share,
                                rest.add(TaxIncluded.below(share, rate)), rest.add(TaxIncluded.above(share, rate))));
            }
        }
        List<Asked> asked = new ArrayList<>();
        for (int i = 0; i < rates.size(); i++) {
            asked.add(new Asked(description, rates.get(i).rate(),
                    TaxIncluded.untaxedFor(shares.get(i), rates.get(i).rate()).orElseThrow()));
        }
        return asked;
    }

    /** Moves one cent between share {@code i} and another so that both can be reached; false if none can. */
    private static boolean moveACent(List<BigDecimal> shares, List<OrderBill.RateTotal> rates, int i) {
        for (int j = 0; j < shares.size(); j++) {
            for (BigDecimal cent : List.of(CENT, CENT.negate())) {
                BigDecimal mine = shares.get(i).add(cent);
                BigDecimal theirs = shares.get(j).subtract(cent);
                if (j != i && mine.signum() >= 0 && theirs.signum() >= 0
                        && TaxIncluded.untaxedFor(mine, rates.get(i).rate()).isPresent()
                        && TaxIncluded.untaxedFor(theirs, rates.get(j).rate()).isPresent()) {
                    shares.set(i, mine);
                    shares.set(j, theirs);
                    return true;
                }
            }
        }
        return false;
    }
}

package dev.tandem.invoicing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.money.OrderBill;
import dev.tandem.money.TaxRounding;

/**
 * Verifies the ledger invariants of DESIGN.md section 3 over the whole database and names every
 * violation. Empty report = nothing billed twice, nothing lost, numbers gapless, stock honest, every
 * order's documents adding up to what they bill to the cent, down payments deducted exactly.
 */
@Service
@Transactional(readOnly = true)
public class BillingIntegrityCheck {

    private final EntityManager em;
    private final BilledSoFar billed;

    BillingIntegrityCheck(EntityManager em, BilledSoFar billed) {
        this.em = em;
        this.billed = billed;
    }

    public record Report(List<String> violations) {

        public boolean isIntact() {
            return violations.isEmpty();
        }
    }

    public Report run() {
        List<String> violations = new ArrayList<>();
        entriesBilledWhollyOrNotAtAll(violations);
        linesBalanceToTheMinute(violations);
        numbersGaplessPerYear(violations);
        stockNotNegative(violations);
        sumsClose(violations);
        downPaymentsDeductedExactly(violations);
        return new Report(violations);
    }

    /**
     * Invariants 1 and 4: net ledger minutes of an entry are 0 or its billed minutes, on its own
     * line; and the invoiced minutes the entry keeps are the ledger's.
     */
    private void entriesBilledWhollyOrNotAtAll(List<String> violations) {
        List<Object[]> rows = em.createQuery("""
                select e.id, e.billedMinutes, sum(a.minutes) from BillingAllocation a join a.entry e
                group by e.id, e.billedMinutes
                having sum(a.minutes) <> 0 and sum(a.minutes) <> e.billedMinutes""", Object[].class).getResultList();
        rows.forEach(row -> violations.add("Timesheet entry %s has %s billed minutes but the ledger holds %s."
                .formatted(row[0], row[1], row[2])));
        List<Long> moved = em.createQuery("""
                select e.id from BillingAllocation a join a.entry e left join e.salesOrderLine own
                where own is null or a.invoiceLine.salesOrderLine.id <> own.id
                group by e.id having sum(a.minutes) <> 0""", Long.class).getResultList();
        moved.forEach(id -> violations.add(
                "Timesheet entry %s is invoiced on another order line than its own.".formatted(id)));
        List<Object[]> kept = em.createQuery("""
                select e.id, e.invoicedMinutes, coalesce(sum(a.minutes), 0) from TimesheetEntry e
                left join BillingAllocation a on a.entry = e
                group by e.id, e.invoicedMinutes
                having coalesce(sum(a.minutes), 0) <> e.invoicedMinutes""", Object[].class).getResultList();
        kept.forEach(row -> violations.add("Timesheet entry %s counts %s invoiced minutes but the ledger holds %s."
                .formatted(row[0], row[1], row[2])));
    }

    /** Invariant 2: for every time line, delivered = invoiced + not yet invoiced, to the minute. */
    private void linesBalanceToTheMinute(List<String> violations) {
        Map<Long, Long> delivered = sums("""
                select e.salesOrderLine.id, sum(e.billedMinutes) from TimesheetEntry e
                where e.billable = true and e.salesOrderLine is not null group by e.salesOrderLine.id""");
        Map<Long, Long> invoiced = sums("""
                select a.invoiceLine.salesOrderLine.id, sum(a.minutes) from BillingAllocation a
                group by a.invoiceLine.salesOrderLine.id""");
        Map<Long, Long> notInvoiced = sums("""
                select e.salesOrderLine.id, sum(e.billedMinutes) from TimesheetEntry e
                where e.billable = true and e.salesOrderLine is not null
                  and (select coalesce(sum(a.minutes), 0) from BillingAllocation a where a.entry = e) = 0
                group by e.salesOrderLine.id""");
        Map<Long, Boolean> lines = new HashMap<>();
        delivered.keySet().forEach(id -> lines.put(id, true));
        invoiced.keySet().forEach(id -> lines.put(id, true));
        lines.keySet().forEach(lineId -> {
            long d = delivered.getOrDefault(lineId, 0L);
            long i = invoiced.getOrDefault(lineId, 0L);
            long n = notInvoiced.getOrDefault(lineId, 0L);
            if (d != i + n) {
                violations.add("Order line %d: delivered %d min ≠ invoiced %d min + not yet invoiced %d min."
                        .formatted(lineId, d, i, n));
            }
        });
    }

    /** Invariant 3: posted numbers unique and gapless per prefix and year. */
    private void numbersGaplessPerYear(List<String> violations) {
        List<Object[]> rows = em.createQuery("""
                select i.moveType, i.sequenceYear, count(i), count(distinct i.sequenceNumber), max(i.sequenceNumber)
                from Invoice i where i.number is not null group by i.moveType, i.sequenceYear""", Object[].class)
                .getResultList();
        for (Object[] row : rows) {
            long count = (Long) row[2];
            long distinct = (Long) row[3];
            long max = ((Number) row[4]).longValue();
            if (count != distinct || count != max) {
                violations.add("%s numbers of %s are not gapless: %d posted, %d distinct, highest %d."
                        .formatted(row[0], row[1], count, distinct, max));
            }
        }
    }

    /** Invariant 5: stock never goes negative silently. */
    private void stockNotNegative(List<String> violations) {
        em.createQuery("""
                select p.name, s.onHand from StockLevel s, Product p
                where s.productId = p.id and s.onHand < 0 and p.allowNegativeStock = false""", Object[].class)
                .getResultList()
                .forEach(row -> violations.add("Stock of %s is negative: %s.".formatted(row[0], row[1])));
    }

    /**
     * Sums close: for every order, its posted invoices and credit notes add up, per tax rate and to the
     * cent, to what they bill (the net time and quantities of its lines) computed at once at the order's
     * rounding. With invariant 2, an order delivered and invoiced in full is billed exactly its total.
     * Orders created before tax rounding was a setting (no rounding recorded) are not held to it.
     */
    private void sumsClose(List<String> violations) {
        Map<Long, OrderBill> bills = new HashMap<>();
        Map<Long, String> numbers = new HashMap<>();
        em.createQuery("""
                select o.id, o.number, o.taxRounding from SalesOrder o
                where o.taxRounding is not null
                  and exists (select l from InvoiceLine l where l.salesOrderLine.order = o
                              and l.invoice.state = dev.tandem.invoicing.Invoice.State.POSTED)""", Object[].class)
                .getResultList().forEach(row -> {
                    bills.put((Long) row[0], new OrderBill((TaxRounding) row[2]));
                    numbers.put((Long) row[0], (String) row[1]);
                });
        billed.addPosted(bills);
        Map<Long, Map<BigDecimal, BigDecimal[]>> posted = new HashMap<>();
        em.createQuery("""
                select l.salesOrderLine.order.id, l.taxRate, sum(l.subtotal), sum(l.tax) from InvoiceLine l
                where l.kind in (dev.tandem.invoicing.InvoiceLine.Kind.TIME, dev.tandem.invoicing.InvoiceLine.Kind.ITEM)
                  and l.invoice.state = dev.tandem.invoicing.Invoice.State.POSTED
                group by l.salesOrderLine.order.id, l.taxRate""", Object[].class)
                .getResultList().forEach(row -> posted.computeIfAbsent((Long) row[0], id -> new HashMap<>())
                        .put(((BigDecimal) row[1]).stripTrailingZeros(),
                                new BigDecimal[] {(BigDecimal) row[2], (BigDecimal) row[3]}));
        bills.forEach((orderId, bill) -> bill.byRate().forEach(rate -> {
            BigDecimal[] documents = posted.getOrDefault(orderId, Map.of()).getOrDefault(
                    rate.rate().stripTrailingZeros(), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            if (documents[0].compareTo(rate.untaxed()) != 0 || documents[1].compareTo(rate.tax()) != 0) {
                violations.add(("Order %s at %s %%: its documents bill %s untaxed and %s tax, but what they bill comes "
                        + "to %s and %s at its rounding.").formatted(numbers.get(orderId),
                        rate.rate().stripTrailingZeros().toPlainString(), documents[0], documents[1], rate.untaxed(),
                        rate.tax()));
            }
        }));
    }

    /** A deduction gives back exactly the down payment's untaxed amount and tax, or nothing yet. */
    private void downPaymentsDeductedExactly(List<String> violations) {
        Map<Long, BigDecimal[]> paid = new HashMap<>();
        Map<Long, BigDecimal[]> deducted = new HashMap<>();
        Map<Long, String> numbers = new HashMap<>();
        em.createQuery("""
                select l.salesOrderLine.id, l.salesOrderLine.order.number, l.kind, sum(l.subtotal), sum(l.tax)
                from InvoiceLine l
                where l.kind in (dev.tandem.invoicing.InvoiceLine.Kind.DOWN_PAYMENT,
                                 dev.tandem.invoicing.InvoiceLine.Kind.DOWN_PAYMENT_DEDUCTION)
                  and l.invoice.state = dev.tandem.invoicing.Invoice.State.POSTED
                  and l.salesOrderLine.order.taxRounding is not null
                group by l.salesOrderLine.id, l.salesOrderLine.order.number, l.kind""", Object[].class)
                .getResultList().forEach(row -> {
                    numbers.put((Long) row[0], (String) row[1]);
                    (row[2] == InvoiceLine.Kind.DOWN_PAYMENT ? paid : deducted).put((Long) row[0],
                            new BigDecimal[] {(BigDecimal) row[3], (BigDecimal) row[4]});
                });
        deducted.forEach((lineId, deduction) -> {
            BigDecimal[] payment = paid.getOrDefault(lineId, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            boolean none = deduction[0].signum() == 0 && deduction[1].signum() == 0;
            boolean exact = deduction[0].compareTo(payment[0].negate()) == 0
                    && deduction[1].compareTo(payment[1].negate()) == 0;
            if (!none && !exact) {
                violations.add("A down payment on %s of %s + %s tax is deducted as %s + %s tax.".formatted(
                        numbers.get(lineId), payment[0], payment[1], deduction[0].negate(), deduction[1].negate()));
            }
        });
    }

    private Map<Long, Long> sums(String jpql) {
        Map<Long, Long> result = new HashMap<>();
        em.createQuery(jpql, Object[].class).getResultList()
                .forEach(row -> result.put((Long) row[0], ((Number) Objects.requireNonNullElse(row[1], 0L)).longValue()));
        return result;
    }
}

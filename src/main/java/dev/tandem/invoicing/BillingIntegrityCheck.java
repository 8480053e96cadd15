package dev.tandem.invoicing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verifies the ledger invariants of DESIGN.md section 3 over the whole database and names every
 * violation. Empty report = nothing billed twice, nothing lost, numbers gapless, stock honest.
 */
@Service
@Transactional(readOnly = true)
public class BillingIntegrityCheck {

    private final EntityManager em;

    BillingIntegrityCheck(EntityManager em) {
        this.em = em;
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
        return new Report(violations);
    }

    /** Invariants 1 and 4: net ledger minutes of an entry are 0 or its billed minutes, on its own line. */
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

    private Map<Long, Long> sums(String jpql) {
        Map<Long, Long> result = new HashMap<>();
        em.createQuery(jpql, Object[].class).getResultList()
                .forEach(row -> result.put((Long) row[0], ((Number) Objects.requireNonNullElse(row[1], 0L)).longValue()));
        return result;
    }
}

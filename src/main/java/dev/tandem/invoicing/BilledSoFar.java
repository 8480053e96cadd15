package dev.tandem.invoicing;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;

import dev.tandem.money.Money;
import dev.tandem.money.OrderBill;
import dev.tandem.sales.SalesOrder;

/**
 * What an order's invoices and credit notes have billed of its lines, read from the ledger (time,
 * in minutes) and the invoice lines (everything else), as an {@link OrderBill} the next document
 * adds its change to. Down payments and their deductions are not in it: they carry fixed figures.
 */
@Component
class BilledSoFar {

    /** The row of an order's bill an invoice line adds to: one per order line, kind and price. */
    record Row(Long orderLineId, InvoiceLine.Kind kind, BigDecimal unitPrice) {

        static Row of(Long orderLineId, InvoiceLine.Kind kind, BigDecimal unitPrice) {
            return new Row(orderLineId, kind, Money.cents(unitPrice));
        }
    }

    private final EntityManager em;

    BilledSoFar(EntityManager em) {
        this.em = em;
    }

    /** Billed by the order's documents, drafts included and cancelled drafts not. */
    OrderBill of(SalesOrder order) {
        return of(List.of(order)).get(order.getId());
    }

    /** As {@link #of(SalesOrder)}, for many orders in two grouped queries: by order id. */
    Map<Long, OrderBill> of(Collection<SalesOrder> orders) {
        Map<Long, OrderBill> bills = new HashMap<>();
        orders.forEach(order -> bills.put(order.getId(), new OrderBill(order.getTaxRounding())));
        if (!bills.isEmpty()) {
            add(bills, false, bills.keySet());
        }
        return bills;
    }

    /** Adds to each order's bill in the map what its posted documents billed (the integrity check's reading). */
    void addPosted(Map<Long, OrderBill> bills) {
        add(bills, true, null);
    }

    /** Time from the ledger, in minutes, and quantities from the invoice lines, per order line and price. */
    private void add(Map<Long, OrderBill> bills, boolean postedOnly, Collection<Long> orderIds) {
        String where = (postedOnly ? "l.invoice.state = dev.tandem.invoicing.Invoice.State.POSTED"
                : "l.invoice.state <> dev.tandem.invoicing.Invoice.State.CANCELLED")
                + (orderIds == null ? "" : " and l.salesOrderLine.order.id in :orders");
        for (InvoiceLine.Kind kind : List.of(InvoiceLine.Kind.TIME, InvoiceLine.Kind.ITEM)) {
            String measure = kind == InvoiceLine.Kind.TIME
                    ? "sum(a.minutes) from BillingAllocation a join a.invoiceLine l" : "sum(l.quantity) from InvoiceLine l";
            var query = em.createQuery("""
                    select l.salesOrderLine.order.id, l.salesOrderLine.id, l.unitPrice, l.taxRate, %s
                    where l.kind = :kind and %s
                    group by l.salesOrderLine.order.id, l.salesOrderLine.id, l.unitPrice, l.taxRate"""
                    .formatted(measure, where), Object[].class).setParameter("kind", kind);
            if (orderIds != null) {
                query.setParameter("orders", orderIds);
            }
            for (Object[] row : query.getResultList()) {
                OrderBill bill = bills.get((Long) row[0]);
                if (bill == null) {
                    continue;
                }
                Row key = Row.of((Long) row[1], kind, (BigDecimal) row[2]);
                if (kind == InvoiceLine.Kind.TIME) {
                    bill.addMinutes(key, (BigDecimal) row[2], (BigDecimal) row[3], ((Number) row[4]).longValue());
                } else {
                    bill.addQuantity(key, (BigDecimal) row[2], (BigDecimal) row[3], (BigDecimal) row[4]);
                }
            }
        }
    }
}

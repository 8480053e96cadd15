package dev.tandem.invoicing;

import java.math.BigDecimal;
import java.util.List;

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
        return read(order, false);
    }

    /** Billed by the order's posted documents only. */
    OrderBill posted(SalesOrder order) {
        return read(order, true);
    }

    private OrderBill read(SalesOrder order, boolean postedOnly) {
        String states = postedOnly ? "(dev.tandem.invoicing.Invoice.State.POSTED)"
                : "(dev.tandem.invoicing.Invoice.State.POSTED, dev.tandem.invoicing.Invoice.State.DRAFT)";
        OrderBill bill = new OrderBill(order.getTaxRounding());
        List<Object[]> time = em.createQuery("""
                select l.salesOrderLine.id, l.unitPrice, l.taxRate, sum(a.minutes) from BillingAllocation a
                join a.invoiceLine l
                where l.salesOrderLine.order.id = :order and l.kind = dev.tandem.invoicing.InvoiceLine.Kind.TIME
                  and l.invoice.state in %s
                group by l.salesOrderLine.id, l.unitPrice, l.taxRate
                order by l.salesOrderLine.id, l.unitPrice""".formatted(states), Object[].class)
                .setParameter("order", order.getId()).getResultList();
        time.forEach(row -> bill.addMinutes(Row.of((Long) row[0], InvoiceLine.Kind.TIME, (BigDecimal) row[1]),
                (BigDecimal) row[1], (BigDecimal) row[2], ((Number) row[3]).longValue()));
        List<Object[]> items = em.createQuery("""
                select l.salesOrderLine.id, l.unitPrice, l.taxRate, sum(l.quantity) from InvoiceLine l
                where l.salesOrderLine.order.id = :order and l.kind = dev.tandem.invoicing.InvoiceLine.Kind.ITEM
                  and l.invoice.state in %s
                group by l.salesOrderLine.id, l.unitPrice, l.taxRate
                order by l.salesOrderLine.id, l.unitPrice""".formatted(states), Object[].class)
                .setParameter("order", order.getId()).getResultList();
        items.forEach(row -> bill.addQuantity(Row.of((Long) row[0], InvoiceLine.Kind.ITEM, (BigDecimal) row[1]),
                (BigDecimal) row[1], (BigDecimal) row[2], (BigDecimal) row[3]));
        return bill;
    }
}

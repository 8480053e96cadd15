package dev.tandem.invoicing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.catalog.Product;
import dev.tandem.common.NotFound;
import dev.tandem.money.Money;
import dev.tandem.sales.SalesOrder;
import dev.tandem.sales.SalesOrderLine;
import dev.tandem.sales.SalesOrderLineRepository;
import dev.tandem.sales.SalesOrderRepository;

/**
 * Delivered, invoiced, to invoice, remaining and the invoice statuses of BILLING-RULES.md,
 * computed from timesheets, validated pickings and the billing ledger every time they are
 * asked for: nothing derived is stored, so nothing can drift. Many orders' figures come from the
 * same grouped queries as one order's.
 */
@Service
@Transactional(readOnly = true)
public class OrderFigures {

    private final EntityManager em;
    private final SalesOrderRepository orders;
    private final SalesOrderLineRepository lines;
    private final InvoiceLineRepository invoiceLines;

    OrderFigures(EntityManager em, SalesOrderRepository orders, SalesOrderLineRepository lines,
                 InvoiceLineRepository invoiceLines) {
        this.em = em;
        this.orders = orders;
        this.lines = lines;
        this.invoiceLines = invoiceLines;
    }

    public record Summary(Long orderId, String number, InvoiceStatus status, List<LineFigures> lines) {

        public LineFigures line(Long lineId) {
            return lines.stream().filter(l -> l.lineId().equals(lineId)).findFirst().orElseThrow();
        }
    }

    public Summary ofOrder(Long orderId) {
        SalesOrder order = orders.findById(orderId).orElseThrow(() -> NotFound.of("sales order", orderId));
        return ofOrders(List.of(order)).get(orderId);
    }

    /** The figures of many orders in five grouped queries, however many orders and lines: a list's page. */
    public Map<Long, Summary> ofOrders(Collection<SalesOrder> many) {
        Sums sums = sums(many.stream().flatMap(order -> order.getLines().stream()).map(SalesOrderLine::getId).toList());
        Map<Long, Summary> summaries = new LinkedHashMap<>();
        for (SalesOrder order : many) {
            List<LineFigures> figures = new ArrayList<>();
            List<InvoiceStatus> counted = new ArrayList<>();
            for (SalesOrderLine line : order.getLines()) {
                LineFigures lineFigures = compute(line, sums);
                figures.add(lineFigures);
                if (!line.isDownPayment()) {
                    counted.add(lineFigures.status());
                }
            }
            summaries.put(order.getId(), new Summary(order.getId(), order.getNumber(), orderStatus(counted), figures));
        }
        return summaries;
    }

    public LineFigures ofLine(Long lineId) {
        SalesOrderLine line = lines.findById(lineId).orElseThrow(() -> NotFound.of("order line", lineId));
        return compute(line, sums(List.of(lineId)));
    }

    static InvoiceStatus orderStatus(List<InvoiceStatus> lineStatuses) {
        if (lineStatuses.contains(InvoiceStatus.TO_INVOICE)) {
            return InvoiceStatus.TO_INVOICE;
        }
        if (lineStatuses.isEmpty()) {
            return InvoiceStatus.NOTHING;
        }
        if (lineStatuses.stream().allMatch(s -> s == InvoiceStatus.INVOICED)) {
            return InvoiceStatus.INVOICED;
        }
        if (lineStatuses.stream().allMatch(s -> s == InvoiceStatus.INVOICED || s == InvoiceStatus.UPSELLING)) {
            return InvoiceStatus.UPSELLING;
        }
        return InvoiceStatus.NOTHING;
    }

    private LineFigures compute(SalesOrderLine line, Sums sums) {
        BigDecimal ordered = line.getOrderedQuantity();
        long deliveredMinutes = sums.deliveredMinutes().getOrDefault(line.getId(), 0L);
        long ledgerMinutes = sums.ledgerMinutes().getOrDefault(line.getId(), 0L);
        BigDecimal delivered = line.getProduct() == null ? BigDecimal.ZERO
                : line.getProduct().getUnit() == Product.Unit.HOUR ? Money.hours(deliveredMinutes)
                : sums.deliveredQuantity().getOrDefault(line.getId(), BigDecimal.ZERO);
        BigDecimal invoiced = line.isTimesheetBilled() ? Money.hours(ledgerMinutes)
                : sums.invoicedQuantity().getOrDefault(line.getId(), BigDecimal.ZERO);
        boolean confirmed = line.getOrder().isConfirmed();

        BigDecimal toInvoice;
        if (!confirmed || line.isDownPayment()) {
            toInvoice = BigDecimal.ZERO;
        } else if (line.isPrepaid()) {
            toInvoice = ordered.subtract(invoiced);
        } else if (line.isTimesheetBilled()) {
            // Time left is counted in minutes, then shown in hours (an invoice may differ by a rounding step).
            toInvoice = Money.hours(deliveredMinutes - ledgerMinutes);
        } else {
            toInvoice = delivered.subtract(invoiced);
        }
        BigDecimal remaining = line.isPrepaid() ? ordered.subtract(delivered) : null;

        InvoiceStatus status;
        if (!confirmed) {
            status = InvoiceStatus.NOTHING;
        } else if (line.isDownPayment() && sums.deducted().contains(line.getId())) {
            status = InvoiceStatus.INVOICED;
        } else if (toInvoice.signum() != 0) {
            status = InvoiceStatus.TO_INVOICE;
        } else if (line.isPrepaid() && delivered.compareTo(ordered) > 0) {
            status = InvoiceStatus.UPSELLING;
        } else if (invoiced.compareTo(ordered) >= 0) {
            status = InvoiceStatus.INVOICED;
        } else {
            status = InvoiceStatus.NOTHING;
        }
        return new LineFigures(line.getId(), ordered, delivered, invoiced, toInvoice, remaining, status);
    }

    /**
     * Per order line: billable minutes delivered, goods delivered by done pickings, minutes the
     * ledger holds, quantities on invoices not cancelled, and the down payments deducted.
     */
    private record Sums(Map<Long, Long> deliveredMinutes, Map<Long, BigDecimal> deliveredQuantity,
                        Map<Long, Long> ledgerMinutes, Map<Long, BigDecimal> invoicedQuantity, Set<Long> deducted) {
    }

    private Sums sums(List<Long> lineIds) {
        if (lineIds.isEmpty()) {
            return new Sums(Map.of(), Map.of(), Map.of(), Map.of(), Set.of());
        }
        return new Sums(perLine("""
                select e.salesOrderLine.id, sum(e.billedMinutes) from TimesheetEntry e
                where e.salesOrderLine.id in :lines and e.billable = true group by e.salesOrderLine.id""", lineIds),
                perLine("""
                select m.salesOrderLine.id, sum(m.quantity) from StockMove m
                where m.salesOrderLine.id in :lines and m.picking.state = dev.tandem.inventory.StockPicking.State.DONE
                group by m.salesOrderLine.id""", lineIds),
                perLine("""
                select a.invoiceLine.salesOrderLine.id, sum(a.minutes) from BillingAllocation a
                where a.invoiceLine.salesOrderLine.id in :lines group by a.invoiceLine.salesOrderLine.id""", lineIds),
                perLine("""
                select l.salesOrderLine.id, sum(l.quantity) from InvoiceLine l
                where l.salesOrderLine.id in :lines and l.invoice.state <> dev.tandem.invoicing.Invoice.State.CANCELLED
                group by l.salesOrderLine.id""", lineIds),
                invoiceLines.deducted(lineIds));
    }

    @SuppressWarnings("unchecked")
    private <T> Map<Long, T> perLine(String query, List<Long> lineIds) {
        Map<Long, T> sums = new HashMap<>();
        for (Object[] row : em.createQuery(query, Object[].class).setParameter("lines", lineIds).getResultList()) {
            sums.put((Long) row[0], (T) row[1]);
        }
        return sums;
    }
}

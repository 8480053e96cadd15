package dev.tandem.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.catalog.Product;
import dev.tandem.common.NotFound;

/**
 * Delivered, invoiced, to invoice, remaining and the invoice statuses of BILLING-RULES.md,
 * computed from timesheets, validated pickings and the billing ledger every time they are
 * asked for: nothing derived is stored, so nothing can drift.
 */
@Service
@Transactional(readOnly = true)
public class OrderFigures {

    private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);

    private final EntityManager em;
    private final SalesOrderRepository orders;
    private final SalesOrderLineRepository lines;

    OrderFigures(EntityManager em, SalesOrderRepository orders, SalesOrderLineRepository lines) {
        this.em = em;
        this.orders = orders;
        this.lines = lines;
    }

    public record Summary(Long orderId, String number, InvoiceStatus status, List<LineFigures> lines) {

        public LineFigures line(Long lineId) {
            return lines.stream().filter(l -> l.lineId().equals(lineId)).findFirst().orElseThrow();
        }
    }

    public Summary ofOrder(Long orderId) {
        SalesOrder order = orders.findById(orderId).orElseThrow(() -> NotFound.of("sales order", orderId));
        List<LineFigures> figures = new ArrayList<>();
        List<InvoiceStatus> counted = new ArrayList<>();
        for (SalesOrderLine line : order.getLines()) {
            LineFigures lineFigures = compute(line);
            figures.add(lineFigures);
            if (!line.isDownPayment()) {
                counted.add(lineFigures.status());
            }
        }
        return new Summary(order.getId(), order.getNumber(), orderStatus(counted), figures);
    }

    public LineFigures ofLine(Long lineId) {
        return compute(lines.findById(lineId).orElseThrow(() -> NotFound.of("order line", lineId)));
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

    private LineFigures compute(SalesOrderLine line) {
        BigDecimal ordered = line.getOrderedQuantity();
        BigDecimal delivered = delivered(line);
        BigDecimal invoiced = line.isTimesheetBilled() ? hours(ledgerMinutes(line)) : invoicedQuantity(line);
        boolean confirmed = line.getOrder().isConfirmed();

        BigDecimal toInvoice;
        if (!confirmed || line.isDownPayment()) {
            toInvoice = BigDecimal.ZERO;
        } else if (line.isPrepaid()) {
            toInvoice = ordered.subtract(invoiced);
        } else {
            toInvoice = delivered.subtract(invoiced);
        }
        BigDecimal remaining = line.isPrepaid() ? ordered.subtract(delivered) : null;

        InvoiceStatus status;
        if (!confirmed) {
            status = InvoiceStatus.NOTHING;
        } else if (line.isDownPayment() && isDeducted(line)) {
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

    private BigDecimal delivered(SalesOrderLine line) {
        if (line.getProduct() == null) {
            return BigDecimal.ZERO;
        }
        if (line.getProduct().getUnit() == Product.Unit.HOUR) {
            Long minutes = em.createQuery("""
                    select coalesce(sum(e.billedMinutes), 0) from TimesheetEntry e
                    where e.salesOrderLine.id = :line and e.billable = true""", Long.class)
                    .setParameter("line", line.getId()).getSingleResult();
            return hours(minutes);
        }
        return em.createQuery("""
                select coalesce(sum(m.quantity), 0) from StockMove m
                where m.salesOrderLine.id = :line and m.picking.state = dev.tandem.inventory.StockPicking.State.DONE""",
                BigDecimal.class).setParameter("line", line.getId()).getSingleResult();
    }

    private long ledgerMinutes(SalesOrderLine line) {
        return em.createQuery("""
                select coalesce(sum(a.minutes), 0) from BillingAllocation a
                where a.invoiceLine.salesOrderLine.id = :line""", Long.class)
                .setParameter("line", line.getId()).getSingleResult();
    }

    private BigDecimal invoicedQuantity(SalesOrderLine line) {
        return em.createQuery("""
                select coalesce(sum(l.quantity), 0) from InvoiceLine l
                where l.salesOrderLine.id = :line
                  and l.invoice.state <> dev.tandem.invoicing.Invoice.State.CANCELLED""", BigDecimal.class)
                .setParameter("line", line.getId()).getSingleResult();
    }

    private boolean isDeducted(SalesOrderLine line) {
        return em.createQuery("""
                select count(l) from InvoiceLine l
                where l.salesOrderLine.id = :line
                  and l.kind = dev.tandem.invoicing.InvoiceLine.Kind.DOWN_PAYMENT_DEDUCTION
                  and l.invoice.state <> dev.tandem.invoicing.Invoice.State.CANCELLED""", Long.class)
                .setParameter("line", line.getId()).getSingleResult() > 0;
    }

    public static BigDecimal hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(MINUTES_PER_HOUR, 6, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}

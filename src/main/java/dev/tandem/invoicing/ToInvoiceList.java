package dev.tandem.invoicing;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.common.HoursAndMinutes;
import dev.tandem.fieldservice.FieldTask;
import dev.tandem.fieldservice.FieldTaskRepository;
import dev.tandem.money.OrderBill;
import dev.tandem.sales.LineFigures;
import dev.tandem.sales.OrderFigures;
import dev.tandem.sales.SalesOrder;
import dev.tandem.sales.SalesOrderLine;
import dev.tandem.sales.SalesOrderRepository;
import dev.tandem.timesheets.TimesheetEntry;
import dev.tandem.timesheets.TimesheetEntryRepository;

/**
 * What accounting can invoice now: the open orders with something to invoice, with their done
 * field tasks, a page at a time. One query finds and counts the orders that have something to
 * invoice (un-invoiced billable time, prepaid lines not invoiced in full, delivered goods not
 * invoiced), sorted by customer and order; only the page's orders get their figures computed,
 * as {@link InvoicingService} plans them. An invoiced order drops off at once.
 */
@Service
@Transactional(readOnly = true)
public class ToInvoiceList {

    /** @param amount untaxed, at the lines' prices */
    public record Row(Long orderId, String orderNumber, String customerName, List<String> doneTasks,
                      BigDecimal hours, BigDecimal amount) {

        /** The hours as people read them: "6:10 h · 6.17 h". */
        public String time() {
            return HoursAndMinutes.withDecimal(hours);
        }
    }

    private final SalesOrderRepository orders;
    private final FieldTaskRepository tasks;
    private final OrderFigures figures;
    private final TimesheetEntryRepository entries;
    private final BilledSoFar billed;
    private final EntityManager em;

    ToInvoiceList(SalesOrderRepository orders, FieldTaskRepository tasks, OrderFigures figures,
                  TimesheetEntryRepository entries, BilledSoFar billed, EntityManager em) {
        this.billed = billed;
        this.em = em;
        this.orders = orders;
        this.tasks = tasks;
        this.figures = figures;
        this.entries = entries;
    }

    /**
     * One page of the list.
     *
     * @param number   from 0
     * @param orders   how many orders have something to invoice, over all pages
     * @param customer the filter on the customer's name it was asked with, or null
     */
    public record Page(List<Row> rows, int number, int pages, long orders, String customer) {

        public boolean hasPrevious() {
            return number > 0;
        }

        public boolean hasNext() {
            return number + 1 < pages;
        }
    }

    public static final int PAGE_SIZE = 50;

    /** Open orders with something to invoice, in the order the page lists them. */
    private static final String TO_INVOICE = """
            from SalesOrder o
            where o.state in (dev.tandem.sales.SalesOrder.State.CONFIRMED, dev.tandem.sales.SalesOrder.State.LOCKED)
              %s
              and (exists (select e.id from TimesheetEntry e
                           where e.salesOrderLine.order = o and e.billable = true
                             and e.salesOrderLine.product.billingPolicy = dev.tandem.catalog.Product.BillingPolicy.TIMESHEET
                             and (select coalesce(sum(a.minutes), 0) from BillingAllocation a where a.entry = e) = 0)
                or exists (select l.id from SalesOrderLine l
                           where l.order = o and l.downPayment = false
                             and l.product.billingPolicy = dev.tandem.catalog.Product.BillingPolicy.PREPAID
                             and l.orderedQuantity > (select coalesce(sum(i.quantity), 0) from InvoiceLine i
                                 where i.salesOrderLine = l and i.invoice.state <> dev.tandem.invoicing.Invoice.State.CANCELLED))
                or exists (select l.id from SalesOrderLine l
                           where l.order = o and l.downPayment = false
                             and l.product.billingPolicy = dev.tandem.catalog.Product.BillingPolicy.DELIVERED
                             and (select coalesce(sum(m.quantity), 0) from StockMove m
                                  where m.salesOrderLine = l and m.picking.state = dev.tandem.inventory.StockPicking.State.DONE)
                               > (select coalesce(sum(i.quantity), 0) from InvoiceLine i
                                  where i.salesOrderLine = l and i.invoice.state <> dev.tandem.invoicing.Invoice.State.CANCELLED)))
            """;

    /** A page of the orders with something to invoice, optionally of customers whose name contains a text. */
    public Page page(int number, String customer) {
        String filter = customer == null || customer.isBlank() ? null
                : "%" + customer.strip().toLowerCase().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        String where = TO_INVOICE.formatted(filter == null ? "" : "and lower(o.customer.name) like :customer escape '!'");
        var count = em.createQuery("select count(o) " + where, Long.class);
        var select = em.createQuery("select o.id " + where + " order by lower(o.customer.name), o.number", Long.class);
        if (filter != null) {
            count.setParameter("customer", filter);
            select.setParameter("customer", filter);
        }
        long total = count.getSingleResult();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.max(0, Math.min(number, pages - 1));
        List<Long> ids = select.setFirstResult(page * PAGE_SIZE).setMaxResults(PAGE_SIZE).getResultList();
        Map<Long, SalesOrder> loaded = orders.findAllById(ids).stream()
                .collect(Collectors.toMap(SalesOrder::getId, order -> order));
        List<Row> rows = ids.stream().map(loaded::get).map(this::row).filter(row -> row.amount().signum() > 0).toList();
        return new Page(rows, page, pages, total, customer == null || customer.isBlank() ? null : customer.strip());
    }

    /**
     * What the next run bills of the order, as {@link InvoicingService} plans it: the time per
     * surcharge and the other lines, each the change it makes to the order's bill; time added after a
     * signature only when nothing else is left.
     */
    private Row row(SalesOrder order) {
        OrderBill regular = billed.of(order);
        Figures next = new Figures();
        Map<SalesOrderLine, List<TimesheetEntry>> amendedTime = new LinkedHashMap<>();
        boolean regularPending = false;
        OrderFigures.Summary summary = figures.ofOrder(order.getId());
        for (var line : order.getLines()) {
            if (line.isDownPayment()) {
                continue;
            }
            LineFigures now = summary.line(line.getId());
            if (now.toInvoice().signum() <= 0) {
                continue;
            }
            if (line.isTimesheetBilled()) {
                Map<Boolean, List<TimesheetEntry>> open = entries.findUninvoiced(line.getId()).stream()
                        .collect(Collectors.partitioningBy(TimesheetEntry::isAmendment));
                next.addTime(regular, line, open.get(false));
                amendedTime.put(line, open.get(true));
                regularPending |= !open.get(false).isEmpty();
            } else {
                OrderBill.Change change = regular.addQuantity(
                        BilledSoFar.Row.of(line.getId(), InvoiceLine.Kind.ITEM, line.getUnitPrice()),
                        line.getUnitPrice(), line.getTaxRate(), LineFigures.shown(now.toInvoice()));
                next.amount = next.amount.add(change.subtotal());
                regularPending = true;
                if (line.isHourlyService()) {
                    next.hours = next.hours.add(change.quantity());
                }
            }
        }
        Figures billedNext = next;
        if (!regularPending) {
            // Time added after a signature goes on an invoice of its own once nothing else is left.
            OrderBill amendments = billed.of(order);
            billedNext = new Figures();
            for (var amended : amendedTime.entrySet()) {
                billedNext.addTime(amendments, amended.getKey(), amended.getValue());
            }
        }
        List<String> done = tasks.findBySalesOrderIdAndStateOrderByNumber(order.getId(), FieldTask.State.DONE).stream()
                .map(FieldTask::getNumber).collect(Collectors.toList());
        return new Row(order.getId(), order.getNumber(), order.getCustomer().getName(), done,
                LineFigures.shown(billedNext.hours), billedNext.amount);
    }

    /** Hours and untaxed amount of one invoice to come. */
    private static final class Figures {
        private BigDecimal hours = BigDecimal.ZERO;
        private BigDecimal amount = BigDecimal.ZERO;

        /** Time bills one line per surcharge, as the invoice lines will. */
        void addTime(OrderBill bill, SalesOrderLine line, List<TimesheetEntry> open) {
            for (SurchargeGroup group : SurchargeGroup.of(open)) {
                OrderBill.Change change = group.addTo(bill, line);
                hours = hours.add(change.quantity());
                amount = amount.add(change.subtotal());
            }
        }
    }
}

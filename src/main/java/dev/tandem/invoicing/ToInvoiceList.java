package dev.tandem.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
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
import dev.tandem.sales.SalesOrder;
import dev.tandem.sales.SalesOrderLine;
import dev.tandem.sales.SalesOrderRepository;
import dev.tandem.timesheets.TimesheetEntry;
import dev.tandem.timesheets.TimesheetEntryRepository;

/**
 * What accounting can invoice now: the open orders with something to invoice, with their done
 * field tasks, a page at a time. One query finds the orders that have something to invoice
 * (un-invoiced billable time, prepaid lines not invoiced in full, delivered goods not invoiced),
 * sorted by customer and order, ids and time to invoice only; only the
 * page's orders get their figures computed, as {@link InvoicingService} plans them. An invoiced
 * order drops off at once.
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
     * @param hours    the time they have to invoice, over all pages (billed hours not yet invoiced)
     * @param customer the filter on the customer's name it was asked with, or null
     * @param upTo     the last work date of the time listed, or null for all
     */
    public record Page(List<Row> rows, int number, int pages, long orders, BigDecimal hours, String customer,
                       LocalDate upTo) {

        public boolean hasPrevious() {
            return number > 0;
        }

        public boolean hasNext() {
            return number + 1 < pages;
        }

        /** The total time as people read it: "6:10 h · 6.17 h". */
        public String time() {
            return HoursAndMinutes.withDecimal(hours);
        }
    }

    public static final int PAGE_SIZE = 50;

    /**
     * Every open order with something to invoice, in the order the page lists them, with its billed
     * minutes not yet invoiced, worked up to :upTo; in one pass over the open time. Each kind of
     * line is looked for once over all open orders (uncorrelated, so the database reads each set
     * once and hashes it), not order by order. SQL, for the grouped open time joined to the orders.
     */
    private static final String TO_INVOICE = """
            select o.id, coalesce(t.minutes, 0)
            from sales_order o
            join customer c on c.id = o.customer_id
            left join (select l.order_id, sum(e.billed_minutes) as minutes
                       from timesheet_entry e
                       join sales_order_line l on l.id = e.sales_order_line_id
                       join product p on p.id = l.product_id
                       where e.billable = true and e.work_date <= :upTo and e.invoiced_minutes = 0
                         and p.billing_policy = 'TIMESHEET'
                       group by l.order_id) t on t.order_id = o.id
            where o.state in ('CONFIRMED', 'LOCKED')
              %s
              and (t.order_id is not null
                or o.id in (select l.order_id from sales_order_line l
                            join sales_order lo on lo.id = l.order_id
                            join product p on p.id = l.product_id
                            where lo.state in ('CONFIRMED', 'LOCKED') and l.down_payment = false
                              and p.billing_policy = 'PREPAID'
                              and l.ordered_quantity > (select coalesce(sum(i.quantity), 0) from invoice_line i
                                                        join invoice v on v.id = i.invoice_id
                                                        where i.sales_order_line_id = l.id and v.state <> 'CANCELLED'))
                or o.id in (select l.order_id from sales_order_line l
                            join sales_order lo on lo.id = l.order_id
                            join product p on p.id = l.product_id
                            where lo.state in ('CONFIRMED', 'LOCKED') and l.down_payment = false
                              and p.billing_policy = 'DELIVERED'
                              and (select coalesce(sum(m.quantity), 0) from stock_move m
                                   join stock_picking k on k.id = m.picking_id
                                   where m.sales_order_line_id = l.id and k.state = 'DONE')
                                > (select coalesce(sum(i.quantity), 0) from invoice_line i
                                   join invoice v on v.id = i.invoice_id
                                   where i.sales_order_line_id = l.id and v.state <> 'CANCELLED')))
            order by lower(c.name), o.number
            """;

    /**
     * A page of the orders with something to invoice, optionally of customers whose name contains a
     * text and of time worked up to a day (as a run with that Timesheets Period end would bill it).
     */
    public Page page(int number, String customer, LocalDate upTo) {
        String filter = customer == null || customer.isBlank() ? null
                : "%" + customer.strip().toLowerCase().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        LocalDate lastDay = upTo == null ? TimesheetsPeriod.ALL.to() : upTo;
        var query = em.createNativeQuery(TO_INVOICE.formatted(
                filter == null ? "" : "and lower(c.name) like :customer escape '!'"));
        query.setParameter("upTo", lastDay);
        if (filter != null) {
            query.setParameter("customer", filter);
        }
        // All the orders, in order: counting them in the database would find them all a second time.
        List<Long> all = new ArrayList<>();
        long minutes = 0;
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            all.add(((Number) columns[0]).longValue());
            minutes += ((Number) columns[1]).longValue();
        }
        int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.max(0, Math.min(number, pages - 1));
        List<Long> ids = all.subList(Math.min(all.size(), page * PAGE_SIZE), Math.min(all.size(), (page + 1) * PAGE_SIZE));
        return new Page(rows(ids, lastDay), page, pages, all.size(), OrderFigures.hours(minutes),
                customer == null || customer.isBlank() ? null : customer.strip(), upTo);
    }

    /**
     * What the next run bills of each order, as {@link InvoicingService} plans it: the time per
     * surcharge and the other lines, each the change it makes to the order's bill; time added after a
     * signature only when nothing else is left. The page's orders are read together: their figures,
     * bills, open time and done tasks in a few grouped queries, whatever the page's size.
     */
    private List<Row> rows(List<Long> ids, LocalDate upTo) {
        List<SalesOrder> page = new ArrayList<>(orders.findWithLines(ids));
        page.sort(Comparator.comparingInt(order -> ids.indexOf(order.getId())));
        Map<Long, OrderFigures.Summary> summaries = figures.ofOrders(page);
        Map<Long, OrderBill> bills = billed.of(page);
        Map<Long, List<TimesheetEntry>> openTime = entries.findUninvoiced(page.stream()
                        .flatMap(order -> order.getLines().stream()).map(SalesOrderLine::getId).toList(), upTo).stream()
                .collect(Collectors.groupingBy(entry -> entry.getSalesOrderLine().getId()));
        Map<Long, List<String>> done = tasks.findBySalesOrderIdInAndStateOrderByNumber(ids, FieldTask.State.DONE).stream()
                .collect(Collectors.groupingBy(task -> task.getSalesOrder().getId(),
                        Collectors.mapping(FieldTask::getNumber, Collectors.toList())));
        Map<SalesOrder, Map<SalesOrderLine, List<TimesheetEntry>>> amendedOnly = new LinkedHashMap<>();
        Map<Long, Figures> next = new LinkedHashMap<>();
        for (SalesOrder order : page) {
            OrderBill regular = bills.get(order.getId());
            Figures figures = new Figures();
            Map<SalesOrderLine, List<TimesheetEntry>> amendedTime = new LinkedHashMap<>();
            boolean regularPending = false;
            for (var line : order.getLines()) {
                if (line.isDownPayment()) {
                    continue;
                }
                LineFigures now = summaries.get(order.getId()).line(line.getId());
                if (now.toInvoice().signum() <= 0) {
                    continue;
                }
                if (line.isTimesheetBilled()) {
                    Map<Boolean, List<TimesheetEntry>> open = openTime.getOrDefault(line.getId(), List.of()).stream()
                            .collect(Collectors.partitioningBy(TimesheetEntry::isAmendment));
                    figures.addTime(regular, line, open.get(false));
                    amendedTime.put(line, open.get(true));
                    regularPending |= !open.get(false).isEmpty();
                } else {
                    OrderBill.Change change = regular.addQuantity(
                            BilledSoFar.Row.of(line.getId(), InvoiceLine.Kind.ITEM, line.getUnitPrice()),
                            line.getUnitPrice(), line.getTaxRate(), LineFigures.shown(now.toInvoice()));
                    figures.amount = figures.amount.add(change.subtotal());
                    regularPending = true;
                    if (line.isHourlyService()) {
                        figures.hours = figures.hours.add(change.quantity());
                    }
                }
            }
            next.put(order.getId(), figures);
            if (!regularPending) {
                amendedOnly.put(order, amendedTime);
            }
        }
        // Time added after a signature goes on an invoice of its own once nothing else is left.
        Map<Long, OrderBill> amendmentBills = billed.of(amendedOnly.keySet());
        amendedOnly.forEach((order, amendedTime) -> {
            Figures figures = new Figures();
            amendedTime.forEach((line, time) -> figures.addTime(amendmentBills.get(order.getId()), line, time));
            next.put(order.getId(), figures);
        });
        return page.stream().map(order -> new Row(order.getId(), order.getNumber(), order.getCustomer().getName(),
                        done.getOrDefault(order.getId(), List.of()), LineFigures.shown(next.get(order.getId()).hours),
                        next.get(order.getId()).amount))
                .filter(row -> row.amount().signum() > 0).toList();
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

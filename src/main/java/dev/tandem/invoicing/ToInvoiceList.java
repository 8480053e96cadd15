package dev.tandem.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.common.BillingException;
import dev.tandem.common.HoursAndMinutes;
import dev.tandem.fieldservice.FieldTask;
import dev.tandem.fieldservice.FieldTaskRepository;
import dev.tandem.money.Money;
import dev.tandem.sales.SalesOrder;
import dev.tandem.sales.SalesOrderRepository;
import dev.tandem.timesheets.TimesheetEntry;

/**
 * What accounting can invoice now: the open orders with something to invoice and no draft
 * waiting, with their done field tasks, a page at a time. One query finds the orders that have
 * something to invoice (un-invoiced billable time, prepaid lines not invoiced in full, delivered
 * goods not invoiced), sorted by customer and order, ids and time to invoice only; only the page's
 * orders are planned, by the same {@link InvoicePlanner} as invoice runs. An invoiced order drops
 * off at once.
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
    private final InvoicePlanner planner;
    private final EntityManager em;

    ToInvoiceList(SalesOrderRepository orders, FieldTaskRepository tasks, InvoicePlanner planner, EntityManager em) {
        this.planner = planner;
        this.em = em;
        this.orders = orders;
        this.tasks = tasks;
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
     * Every open order with something to invoice and no draft waiting (a run would skip it until the
     * draft is posted or cancelled), in the order the page lists them, with its billed
     * minutes not yet invoiced, worked up to :upTo; in one pass over the open time. Each kind of
     * line is looked for once over all open orders (uncorrelated, so the database reads each set
     * once and hashes it), not order by order. SQL, for the grouped open time joined to the orders.
     * It only picks the candidates: what a row bills is the planner's dry run, and an order it would
     * skip is left out.
     */
    private static final String TO_INVOICE = """
            select o.id, coalesce(t.minutes, 0)
            from sales_order o
            join customer c on c.id = o.customer_id
            left join (select l.order_id, sum(e.billed_minutes) as minutes
                       from timesheet_entry e
                       join sales_order_line l on l.id = e.sales_order_line_id
                       join product p on p.id = l.product_id
                       where e.work_date <= :upTo and %s
                         and p.billing_policy = 'TIMESHEET'
                       group by l.order_id) t on t.order_id = o.id
            where o.state in ('CONFIRMED', 'LOCKED')
              %%s
              and o.id not in (select io.sales_order_id from invoice_order io
                               join invoice d on d.id = io.invoice_id where d.state = 'DRAFT')
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
            """.formatted(TimesheetEntry.TO_INVOICE_SQL);

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
        return new Page(rows(ids, lastDay), page, pages, all.size(), Money.hours(minutes),
                customer == null || customer.isBlank() ? null : customer.strip(), upTo);
    }

    /**
     * What the next run bills of each order: its plan, made as a run makes it but not saved (a dry
     * run), its time and untaxed amount summed. An order the run would skip (a draft still open,
     * nothing left at 0.00) is not listed. The page's orders are planned together, in a few grouped
     * queries whatever the page's size.
     */
    private List<Row> rows(List<Long> ids, LocalDate upTo) {
        List<SalesOrder> page = new ArrayList<>(orders.findWithLines(ids));
        page.sort(Comparator.comparingInt(order -> ids.indexOf(order.getId())));
        TimesheetsPeriod period = new TimesheetsPeriod(null, upTo);
        InvoicePlanner.OrdersRead read = planner.read(ids, page, period, false);
        Map<Long, List<String>> done = tasks.findBySalesOrderIdInAndStateOrderByNumber(ids, FieldTask.State.DONE).stream()
                .collect(Collectors.groupingBy(task -> task.getSalesOrder().getId(),
                        Collectors.mapping(FieldTask::getNumber, Collectors.toList())));
        List<Row> rows = new ArrayList<>();
        for (SalesOrder order : page) {
            List<InvoiceLine> lines;
            try {
                lines = planner.plan(order, period, false, read).lines();
            } catch (BillingException skippedByARun) {
                continue;
            }
            BigDecimal hours = lines.stream().filter(line -> line.getSalesOrderLine().isHourlyService())
                    .map(InvoiceLine::getQuantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal amount = lines.stream().map(InvoiceLine::getSubtotal).reduce(BigDecimal.ZERO, BigDecimal::add);
            rows.add(new Row(order.getId(), order.getNumber(), order.getCustomer().getName(),
                    done.getOrDefault(order.getId(), List.of()), LineFigures.shown(hours), amount));
        }
        return rows;
    }
}

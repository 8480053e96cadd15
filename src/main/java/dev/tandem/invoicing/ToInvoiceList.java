package dev.tandem.invoicing;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.common.HoursAndMinutes;
import dev.tandem.fieldservice.FieldTask;
import dev.tandem.fieldservice.FieldTaskRepository;
import dev.tandem.money.Money;
import dev.tandem.money.OrderBill;
import dev.tandem.sales.LineFigures;
import dev.tandem.sales.OrderFigures;
import dev.tandem.sales.SalesOrder;
import dev.tandem.sales.SalesOrderLine;
import dev.tandem.sales.SalesOrderRepository;
import dev.tandem.timesheets.TimesheetEntry;
import dev.tandem.timesheets.TimesheetEntryRepository;

/**
 * What accounting can invoice now: every open order with something to invoice, with its done
 * field tasks. Derived from the order figures each time, so an invoiced order drops off at once.
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

    ToInvoiceList(SalesOrderRepository orders, FieldTaskRepository tasks, OrderFigures figures,
                  TimesheetEntryRepository entries, BilledSoFar billed) {
        this.billed = billed;
        this.orders = orders;
        this.tasks = tasks;
        this.figures = figures;
        this.entries = entries;
    }

    public List<Row> rows() {
        return orders.findByStateInOrderByIdAsc(List.of(SalesOrder.State.CONFIRMED, SalesOrder.State.LOCKED)).stream()
                .map(this::row)
                .filter(row -> row.amount().signum() > 0)
                .toList();
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
            } else {
                OrderBill.Change change = regular.addQuantity(
                        BilledSoFar.Row.of(line.getId(), InvoiceLine.Kind.ITEM, line.getUnitPrice()),
                        line.getUnitPrice(), line.getTaxRate(), LineFigures.shown(now.toInvoice()));
                next.amount = next.amount.add(change.subtotal());
                if (line.isHourlyService()) {
                    next.hours = next.hours.add(change.quantity());
                }
            }
        }
        Figures billedNext = next;
        if (next.amount.signum() <= 0) {
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
                BigDecimal price = Money.cents(group.unitPrice(line));
                OrderBill.Change change = bill.addMinutes(BilledSoFar.Row.of(line.getId(), InvoiceLine.Kind.TIME, price),
                        price, line.getTaxRate(), group.minutes());
                hours = hours.add(change.quantity());
                amount = amount.add(change.subtotal());
            }
        }
    }
}

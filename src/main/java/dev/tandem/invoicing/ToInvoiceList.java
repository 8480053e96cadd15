package dev.tandem.invoicing;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.fieldservice.FieldTask;
import dev.tandem.fieldservice.FieldTaskRepository;
import dev.tandem.sales.LineFigures;
import dev.tandem.sales.OrderFigures;
import dev.tandem.sales.SalesOrder;
import dev.tandem.sales.SalesOrderRepository;
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
    }

    private final SalesOrderRepository orders;
    private final FieldTaskRepository tasks;
    private final OrderFigures figures;
    private final TimesheetEntryRepository entries;

    ToInvoiceList(SalesOrderRepository orders, FieldTaskRepository tasks, OrderFigures figures,
                  TimesheetEntryRepository entries) {
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

    private Row row(SalesOrder order) {
        BigDecimal hours = BigDecimal.ZERO;
        BigDecimal amount = BigDecimal.ZERO;
        OrderFigures.Summary summary = figures.ofOrder(order.getId());
        for (var line : order.getLines()) {
            if (line.isDownPayment()) {
                continue;
            }
            LineFigures now = summary.line(line.getId());
            if (now.toInvoice().signum() <= 0) {
                continue;
            }
            if (line.isHourlyService()) {
                hours = hours.add(now.toInvoice());
            }
            if (line.isTimesheetBilled()) {
                // As the invoice will bill it: one subtotal per surcharge.
                for (SurchargeGroup group : SurchargeGroup.of(entries.findUninvoiced(line.getId()))) {
                    amount = amount.add(InvoiceMath.subtotal(InvoiceMath.hours(group.minutes()), group.unitPrice(line)));
                }
            } else {
                amount = amount.add(InvoiceMath.subtotal(LineFigures.shown(now.toInvoice()), line.getUnitPrice()));
            }
        }
        List<String> done = tasks.findBySalesOrderIdAndStateOrderByNumber(order.getId(), FieldTask.State.DONE).stream()
                .map(FieldTask::getNumber).collect(Collectors.toList());
        return new Row(order.getId(), order.getNumber(), order.getCustomer().getName(), done,
                LineFigures.shown(hours), amount);
    }
}

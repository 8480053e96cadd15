package dev.tandem.invoicing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.tandem.common.BillingException;
import dev.tandem.money.OrderBill;
import dev.tandem.sales.SalesOrder;
import dev.tandem.sales.SalesOrderLine;
import dev.tandem.timesheets.TimesheetEntry;
import dev.tandem.timesheets.TimesheetEntryRepository;

/**
 * Plans what the next invoice of each order bills: the time per surcharge and the other lines, each
 * the change it makes to the order's bill, down payments deducted if asked; time added after a
 * signature only once nothing else is left. Invoicing turns a plan into a draft; the To-Invoice
 * list runs the same plan without saving it (a dry run), so the list shows what a run will bill.
 * A plan touches nothing: the ledger holds an entry only when its allocation is saved.
 */
@Component
class InvoicePlanner {

    private final InvoiceRepository invoices;
    private final InvoiceLineRepository invoiceLines;
    private final TimesheetEntryRepository entries;
    private final OrderFigures figures;
    private final BilledSoFar billed;

    InvoicePlanner(InvoiceRepository invoices, InvoiceLineRepository invoiceLines,
                   TimesheetEntryRepository entries, OrderFigures figures, BilledSoFar billed) {
        this.invoices = invoices;
        this.invoiceLines = invoiceLines;
        this.entries = entries;
        this.figures = figures;
        this.billed = billed;
    }

    /**
     * What planning needs of the orders, read for all of them at once (a run plans a hundred at a
     * time): their lines, open drafts, open time (locked, in id order), what their documents billed.
     */
    record OrdersRead(Map<Long, Invoice> openDrafts, Map<Long, List<TimesheetEntry>> openTime,
                      Map<Long, OrderBill> bills, Map<Long, OrderFigures.Summary> figures) {
    }

    /**
     * @param locked the orders with their lines, locked by the caller when it creates invoices
     * @param lock   whether to lock their open time too (a run), or only read it (a dry run)
     */
    OrdersRead read(List<Long> ids, Collection<SalesOrder> locked, TimesheetsPeriod period, boolean lock) {
        Map<Long, Invoice> drafts = new HashMap<>();
        invoices.draftsOfOrders(ids).forEach(row -> drafts.putIfAbsent((Long) row[0], (Invoice) row[1]));
        List<Long> timeLines = locked.stream().flatMap(order -> order.getLines().stream())
                .filter(line -> !line.isDownPayment() && line.isTimesheetBilled()).map(SalesOrderLine::getId).toList();
        Map<Long, List<TimesheetEntry>> openTime = (timeLines.isEmpty() ? List.<TimesheetEntry>of()
                : lock ? entries.lockUninvoiced(timeLines, period.from(), period.to())
                : entries.findUninvoiced(timeLines, period.from(), period.to())).stream()
                .sorted(Comparator.comparing(TimesheetEntry::getWorkDate).thenComparing(TimesheetEntry::getId))
                .collect(Collectors.groupingBy(entry -> entry.getSalesOrderLine().getId()));
        return new OrdersRead(drafts, openTime, billed.of(locked), figures.ofOrders(locked));
    }

    /** An order's share of an invoice; amendments (time added after signing) are never mixed with other lines. */
    record Plan(List<InvoiceLine> lines, boolean amendmentsOnly) {
    }

    /** Something an order has to bill, before its figures are known: time of one surcharge, or a quantity. */
    private record Pending(SalesOrderLine line, SurchargeGroup time, BigDecimal quantity) {

        InvoiceLine bill(OrderBill bill) {
            if (time != null) {
                InvoiceLine timeLine = new InvoiceLine(line, InvoiceLine.Kind.TIME, time.description(line),
                        time.unitPrice(line), line.getTaxRate(), time.addTo(bill, line));
                time.entries().forEach(entry -> timeLine.allocate(
                        new BillingAllocation(timeLine, entry, entry.getBilledMinutes())));
                return timeLine;
            }
            return new InvoiceLine(line, InvoiceLine.Kind.ITEM, line.getDescription(), line.getUnitPrice(),
                    line.getTaxRate(), bill.addQuantity(BilledSoFar.Row.of(line.getId(), InvoiceLine.Kind.ITEM,
                            line.getUnitPrice()), line.getUnitPrice(), line.getTaxRate(), quantity));
        }
    }

    /**
     * What an order has to invoice now: its lines, each the change it makes to what the order's
     * documents billed; refused with the reason a person needs when there is nothing.
     */
    Plan plan(SalesOrder order, TimesheetsPeriod period, boolean deductDownPayments, OrdersRead read) {
        switch (order.getState()) {
            case QUOTATION -> throw new BillingException(
                    "An invoice cannot be created for quotation %s: confirm the order first.".formatted(order.getNumber()));
            case CANCELLED -> throw new BillingException(
                    "Order %s is cancelled: there is nothing to invoice.".formatted(order.getNumber()));
            case CONFIRMED, LOCKED -> {
            }
        }
        Invoice draft = read.openDrafts().get(order.getId());
        if (draft != null) {
            throw draftOpen(order, draft);
        }
        List<Pending> regular = new ArrayList<>();
        List<Pending> amendments = new ArrayList<>();
        boolean timeOutsidePeriod = false;
        for (SalesOrderLine line : order.getLines()) {
            if (line.isDownPayment()) {
                continue;
            }
            if (line.isTimesheetBilled()) {
                List<TimesheetEntry> open = read.openTime().getOrDefault(line.getId(), List.of());
                Map<Boolean, List<TimesheetEntry>> byAmendment = open.stream()
                        .collect(Collectors.partitioningBy(TimesheetEntry::isAmendment));
                SurchargeGroup.of(byAmendment.get(false)).forEach(time -> regular.add(new Pending(line, time, null)));
                SurchargeGroup.of(byAmendment.get(true)).forEach(time -> amendments.add(new Pending(line, time, null)));
                if (open.isEmpty() && !period.isAll()) {
                    timeOutsidePeriod |= entries.hasUninvoiced(line.getId());
                }
            } else {
                BigDecimal toInvoice = read.figures().get(order.getId()).line(line.getId()).toInvoice();
                if (toInvoice.signum() > 0 || (toInvoice.signum() < 0 && deductDownPayments)) {
                    regular.add(new Pending(line, null, LineFigures.shown(toInvoice)));
                }
            }
        }
        OrderBill bill = read.bills().get(order.getId());
        boolean amendmentsOnly = regular.isEmpty() && !amendments.isEmpty();
        if (regular.isEmpty() && !amendmentsOnly) {
            throw new BillingException(nothingToInvoice(order, period, timeOutsidePeriod));
        }
        // Time added after the customer signed goes on an invoice of its own, once the rest is billed.
        List<InvoiceLine> lines = new ArrayList<>((amendmentsOnly ? amendments : regular).stream()
                .map(pending -> pending.bill(bill)).toList());
        if (deductDownPayments && !amendmentsOnly) {
            order.getLines().stream().filter(line -> line.isDownPayment() && isDeductible(line))
                    .forEach(line -> lines.add(deduction(line)));
        }
        boolean settlesDownPayment = lines.stream()
                .anyMatch(line -> line.getKind() == InvoiceLine.Kind.DOWN_PAYMENT_DEDUCTION);
        BigDecimal total = lines.stream().map(line -> line.getSubtotal().add(line.getTax()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (!settlesDownPayment && total.signum() == 0) {
            throw new BillingException("Nothing to invoice on %s: what is left to invoice comes to 0.00."
                    .formatted(order.getNumber()));
        }
        return new Plan(lines, amendmentsOnly);
    }

    /**
     * The down payment given back: exactly the untaxed amount and the tax of the down-payment
     * invoice, never computed again, so a final invoice after a 100 % down payment comes to 0.00.
     */
    private InvoiceLine deduction(SalesOrderLine downPaymentLine) {
        InvoiceLine paid = invoiceLines.postedDownPaymentLine(downPaymentLine.getId());
        return new InvoiceLine(downPaymentLine, InvoiceLine.Kind.DOWN_PAYMENT_DEDUCTION,
                "Deduction: " + downPaymentLine.getDescription(), paid.getUnitPrice(), paid.getTaxRate(),
                new OrderBill.Change(BigDecimal.ONE.negate(), paid.getSubtotal().negate(), paid.getTax().negate()));
    }

    /**
     * An order has one draft at a time: each document bills the change it makes to what the order's
     * documents billed before it, so a draft cancelled under a later one would leave that one wrong.
     */
    void refuseWhileDraftOpen(SalesOrder order) {
        invoices.openDraftOf(order.getId()).ifPresent(draft -> {
            throw draftOpen(order, draft);
        });
    }

    static BillingException draftOpen(SalesOrder order, Invoice draft) {
        return new BillingException(("%s is already being invoiced: its draft invoice%s is not posted yet. Post or "
                + "cancel that draft first.").formatted(order.getNumber(),
                draft.getInvoiceRun() == null ? "" : " of invoice run " + draft.getInvoiceRun()));
    }

    private String nothingToInvoice(SalesOrder order, TimesheetsPeriod period, boolean timeOutsidePeriod) {
        if (timeOutsidePeriod) {
            return "Nothing to invoice on %s in the period %s: its un-invoiced time lies outside it."
                    .formatted(order.getNumber(), period);
        }
        boolean nothingDelivered = figures.ofOrder(order.getId()).lines().stream()
                .allMatch(line -> line.delivered().signum() == 0 && line.invoiced().signum() == 0);
        if (nothingDelivered) {
            return "Nothing to invoice on %s: no time or material has been delivered yet.".formatted(order.getNumber());
        }
        return "Nothing to invoice on %s: everything delivered has already been invoiced.".formatted(order.getNumber());
    }

    /** A down payment posted, not credited, and not deducted yet (or its deduction credited). */
    private boolean isDeductible(SalesOrderLine downPaymentLine) {
        return invoiceLines.postedDownPayment(downPaymentLine.getId()).signum() > 0
                && !invoiceLines.isDeducted(downPaymentLine.getId());
    }
}

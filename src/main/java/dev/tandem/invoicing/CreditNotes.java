package dev.tandem.invoicing;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.common.BillingException;
import dev.tandem.common.HoursAndMinutes;
import dev.tandem.common.NotFound;
import dev.tandem.money.OrderBill;
import dev.tandem.sales.SalesOrder;
import dev.tandem.sales.SalesOrderLine;
import dev.tandem.sales.SalesOrderRepository;
import dev.tandem.timesheets.TimesheetEntry;

/**
 * Credit notes: asked for against a posted invoice, then issued for all it still bills or for the
 * timesheet entries ticked, each line giving back the change it made to its order's bill.
 */
@Service
@Transactional(noRollbackFor = BillingException.class)
public class CreditNotes {

    private final InvoiceRepository invoices;
    private final InvoiceLineRepository invoiceLines;
    private final SalesOrderRepository orders;
    private final BilledSoFar billed;
    private final InvoicePlanner planner;
    private final InvoicingService invoicing;

    CreditNotes(InvoiceRepository invoices, InvoiceLineRepository invoiceLines, SalesOrderRepository orders,
                BilledSoFar billed, InvoicePlanner planner, InvoicingService invoicing) {
        this.invoices = invoices;
        this.invoicing = invoicing;
        this.invoiceLines = invoiceLines;
        this.orders = orders;
        this.billed = billed;
        this.planner = planner;
    }

    /**
     * What the credit form offers for a posted invoice of this order: the invoice, and each
     * timesheet entry it bills as a choice (value: the entry's id; label: day, employee, time and
     * what was done), so a partial credit gives back exactly the time ticked.
     */
    public record Offer(Invoice invoice, List<Map<String, Object>> entries) {
    }

    @Transactional(readOnly = true, noRollbackFor = BillingException.class)
    public Offer offer(String orderNumber, String invoiceNumber) {
        Invoice invoice = invoices.findByNumber(String.valueOf(invoiceNumber))
                .filter(found -> found.getState() == Invoice.State.POSTED
                        && found.getMoveType() == Invoice.MoveType.INVOICE && found.bills(orderNumber))
                .orElseThrow(() -> new BillingException("There is no posted invoice %s for order %s."
                        .formatted(invoiceNumber, orderNumber)));
        return new Offer(invoice, invoice.getLines().stream()
                .flatMap(line -> line.getAllocations().stream())
                .map(allocation -> Map.<String, Object>of("value", allocation.getEntry().getId(), "label",
                        "%s · %s · %s · %s".formatted(allocation.getEntry().getWorkDate(),
                                allocation.getEntry().getEmployee().getName(),
                                HoursAndMinutes.withDecimal(allocation.getMinutes()),
                                allocation.getEntry().getDescription())))
                .toList());
    }

    /** Records who asked for a credit note against a posted invoice; the credit note is issued next. */
    public Invoice request(Long invoiceId, String userId) {
        Invoice invoice = invoices.lock(invoiceId).orElseThrow(() -> NotFound.of("invoice", invoiceId));
        invoice.creditRequestedBy(userId);
        return invoice;
    }

    /** A credit note created and posted at once (see {@link #create}). */
    public Invoice issue(Long invoiceId, Set<Long> entryIds) {
        return invoicing.post(create(invoiceId, entryIds));
    }

    /**
     * A credit note for a posted invoice. With entry ids, it gives back exactly those entries'
     * minutes (they can be invoiced again); without, everything the invoice still bills. Time and
     * items give back the change they make to their order's bill, down payments and deductions
     * their exact figures.
     */
    public Invoice create(Long invoiceId, Set<Long> entryIds) {
        Invoice original = invoices.lock(invoiceId).orElseThrow(() -> NotFound.of("invoice", invoiceId));
        if (original.getState() != Invoice.State.POSTED || original.getReversedInvoice() != null) {
            throw new BillingException("Only a posted invoice can be credited.");
        }
        // The request is used up by this attempt, issued or refused: the next credit needs its own.
        original.creditRequestedBy(null);
        // Its orders are locked in id order, as invoicing does, so the change is read from a bill no one moves.
        Map<Long, OrderBill> bills = new LinkedHashMap<>();
        for (Long orderId : original.getLines().stream().map(line -> line.getSalesOrderLine().getOrder().getId())
                .distinct().sorted().toList()) {
            SalesOrder order = orders.lock(orderId).orElseThrow(() -> NotFound.of("sales order", orderId));
            planner.refuseWhileDraftOpen(order);
            bills.put(orderId, billed.of(order));
        }
        boolean full = entryIds == null || entryIds.isEmpty();
        Set<Long> notFound = full ? new LinkedHashSet<>() : new LinkedHashSet<>(entryIds);
        Invoice credit = Invoice.creditNoteOf(original);
        for (InvoiceLine line : original.getLines()) {
            SalesOrderLine orderLine = line.getSalesOrderLine();
            OrderBill bill = bills.get(orderLine.getOrder().getId());
            if (line.getKind() == InvoiceLine.Kind.TIME) {
                Map<TimesheetEntry, Integer> giveBack = new LinkedHashMap<>();
                for (BillingAllocation allocation : line.getAllocations()) {
                    TimesheetEntry entry = allocation.getEntry();
                    long stillBilled = invoiceLines.minutesStillBilled(entry.getId(), original.getId());
                    if (stillBilled > 0 && (full || entryIds.contains(entry.getId()))) {
                        giveBack.put(entry, (int) stillBilled);
                        notFound.remove(entry.getId());
                    }
                }
                if (!giveBack.isEmpty()) {
                    int minutes = giveBack.values().stream().mapToInt(Integer::intValue).sum();
                    InvoiceLine creditLine = new InvoiceLine(orderLine, InvoiceLine.Kind.TIME, line.getDescription(),
                            line.getUnitPrice(), line.getTaxRate(), bill.addMinutes(BilledSoFar.Row.of(
                                    orderLine.getId(), InvoiceLine.Kind.TIME, line.getUnitPrice()),
                                    line.getUnitPrice(), line.getTaxRate(), -minutes));
                    giveBack.forEach((entry, given) -> creditLine.allocate(new BillingAllocation(creditLine, entry, -given)));
                    credit.add(creditLine);
                }
            } else if (full) {
                BigDecimal remaining = line.getQuantity().add(invoiceLines.creditedQuantity(
                        original.getId(), orderLine.getId(), line.getKind()));
                if (remaining.signum() == 0) {
                    continue;
                }
                if (line.getKind() == InvoiceLine.Kind.DOWN_PAYMENT
                        && invoiceLines.isDeducted(orderLine.getId())) {
                    throw new BillingException(("The down payment on %s is deducted by a later invoice: credit that "
                            + "invoice first, or the customer gets it back twice.").formatted(original.getNumber()));
                }
                OrderBill.Change change = line.getKind() == InvoiceLine.Kind.ITEM
                        ? bill.addQuantity(BilledSoFar.Row.of(orderLine.getId(), InvoiceLine.Kind.ITEM,
                                line.getUnitPrice()), line.getUnitPrice(), line.getTaxRate(), remaining.negate())
                        : new OrderBill.Change(line.getQuantity().negate(), line.getSubtotal().negate(),
                                line.getTax().negate());
                credit.add(new InvoiceLine(orderLine, line.getKind(), line.getDescription(), line.getUnitPrice(),
                        line.getTaxRate(), change));
            }
        }
        if (!notFound.isEmpty()) {
            throw new BillingException("Timesheet entries %s are not billed on %s."
                    .formatted(notFound, original.getNumber()));
        }
        if (credit.getLines().isEmpty()) {
            throw new BillingException("Everything on %s has already been credited.".formatted(original.getNumber()));
        }
        if (credit.getAmountTotal().signum() == 0 && !credit.deductsDownPayments()) {
            throw new BillingException("A credit note of 0.00 gives nothing back: %s bills nothing for what was ticked."
                    .formatted(original.getNumber()));
        }
        return invoices.save(credit);
    }
}

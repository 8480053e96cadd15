package dev.tandem.invoicing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.common.BillingException;
import dev.tandem.common.NotFound;
import dev.tandem.common.NumberSequences;
import dev.tandem.sales.LineFigures;
import dev.tandem.sales.OrderFigures;
import dev.tandem.sales.SalesOrder;
import dev.tandem.sales.SalesOrderLine;
import dev.tandem.sales.SalesOrderRepository;
import dev.tandem.sales.SalesOrderService;
import dev.tandem.timesheets.TimesheetEntry;
import dev.tandem.timesheets.TimesheetEntryRepository;

/**
 * Creates draft invoices from what orders have to invoice, allocates the timesheet entries they
 * bill in the ledger, posts them with gapless numbers, and releases entries when a draft goes.
 */
@Service
@Transactional(noRollbackFor = BillingException.class)
public class InvoicingService {

    public static final String DOWN_PAYMENT_NOT_POSITIVE = "The value of the down payment amount must be positive.";

    private final InvoiceRepository invoices;
    private final InvoiceLineRepository invoiceLines;
    private final SalesOrderRepository orders;
    private final SalesOrderService salesOrders;
    private final TimesheetEntryRepository entries;
    private final OrderFigures figures;
    private final NumberSequences numbers;
    private final Clock clock;

    private final InvoiceRunSkipRepository runSkips;

    InvoicingService(InvoiceRepository invoices, InvoiceLineRepository invoiceLines, SalesOrderRepository orders,
                     SalesOrderService salesOrders, TimesheetEntryRepository entries, OrderFigures figures,
                     NumberSequences numbers, Clock clock, InvoiceRunSkipRepository runSkips) {
        this.runSkips = runSkips;
        this.invoices = invoices;
        this.invoiceLines = invoiceLines;
        this.orders = orders;
        this.salesOrders = salesOrders;
        this.entries = entries;
        this.figures = figures;
        this.numbers = numbers;
        this.clock = clock;
    }

    /**
     * @param consolidated one invoice per customer across the orders, else one per order
     * @param period       which work dates the time lines bill; other lines bill in full
     */
    public record InvoiceRequest(List<Long> orderIds, boolean consolidated, TimesheetsPeriod period,
                                 boolean deductDownPayments) {
    }

    public record Skipped(String orderNumber, String reason) {
    }

    public record InvoiceBatch(List<Invoice> invoices, List<Skipped> skipped) {
    }

    /** One order's invoice; refused with the reason when there is nothing to invoice. */
    public Invoice createInvoice(Long orderId, TimesheetsPeriod period, boolean deductDownPayments) {
        InvoiceBatch batch = createInvoices(new InvoiceRequest(List.of(orderId), false, period, deductDownPayments));
        if (batch.invoices().isEmpty()) {
            throw new BillingException(batch.skipped().get(0).reason());
        }
        return batch.invoices().get(0);
    }

    /**
     * The drafts of an invoice run: as {@link #createInvoices}, and each invoice and each skipped
     * order is recorded under the run's number, which its page and its review read.
     */
    public InvoiceBatch createRunInvoices(String runNumber, InvoiceRequest request) {
        InvoiceBatch batch = createInvoices(request);
        batch.invoices().forEach(invoice -> invoice.createdByRun(runNumber));
        batch.skipped().forEach(skip -> runSkips.save(new InvoiceRunSkip(runNumber, skip.orderNumber(), skip.reason())));
        return batch;
    }

    /**
     * Draft invoices for the orders; an order with nothing to invoice is skipped with its reason.
     * Orders are locked in id order, so a concurrent run waits and then finds them invoiced. Time
     * added after a customer signed a worksheet waits until the rest of its order is billed, and then
     * goes on an invoice of its own, even in a consolidated run.
     */
    public InvoiceBatch createInvoices(InvoiceRequest request) {
        TimesheetsPeriod period = request.period() != null ? request.period() : TimesheetsPeriod.ALL;
        Map<String, List<SalesOrder>> groups = new LinkedHashMap<>();
        Map<SalesOrder, Plan> planned = new LinkedHashMap<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Long orderId : request.orderIds().stream().distinct().sorted().toList()) {
            SalesOrder order = orders.lock(orderId).orElseThrow(() -> NotFound.of("sales order", orderId));
            try {
                Plan plan = plan(order, period, request.deductDownPayments());
                planned.put(order, plan);
                String groupKey = request.consolidated() && !plan.amendmentsOnly()
                        ? "customer " + order.getCustomer().getId() : "order " + order.getId();
                groups.computeIfAbsent(groupKey, key -> new ArrayList<>()).add(order);
            } catch (BillingException refused) {
                skipped.add(new Skipped(order.getNumber(), refused.getMessage()));
            }
        }
        List<Invoice> created = new ArrayList<>();
        for (List<SalesOrder> group : groups.values()) {
            String origin = group.stream().map(SalesOrder::getNumber).collect(Collectors.joining(", "));
            Invoice invoice = new Invoice(group.get(0).getCustomer(), origin, period);
            group.forEach(order -> planned.get(order).lines().forEach(invoice::add));
            created.add(invoices.save(invoice));
        }
        return new InvoiceBatch(created, skipped);
    }

    /** An order's share of an invoice; amendments (time added after signing) are never mixed with other lines. */
    private record Plan(List<InvoiceLine> lines, boolean amendmentsOnly) {
    }

    private Plan plan(SalesOrder order, TimesheetsPeriod period, boolean deductDownPayments) {
        switch (order.getState()) {
            case QUOTATION -> throw new BillingException(
                    "An invoice cannot be created for quotation %s: confirm the order first.".formatted(order.getNumber()));
            case CANCELLED -> throw new BillingException(
                    "Order %s is cancelled: there is nothing to invoice.".formatted(order.getNumber()));
            case CONFIRMED, LOCKED -> {
            }
        }
        List<InvoiceLine> lines = new ArrayList<>();
        List<InvoiceLine> amendments = new ArrayList<>();
        boolean timeOutsidePeriod = false;
        for (SalesOrderLine line : order.getLines()) {
            if (line.isDownPayment()) {
                continue;
            }
            if (line.isTimesheetBilled()) {
                List<TimesheetEntry> open = entries.lockUninvoiced(line.getId(), period.from(), period.to());
                Map<Boolean, List<TimesheetEntry>> byAmendment = open.stream()
                        .collect(Collectors.partitioningBy(TimesheetEntry::isAmendment));
                lines.addAll(timeLines(line, byAmendment.get(false)));
                amendments.addAll(timeLines(line, byAmendment.get(true)));
                if (open.isEmpty() && !period.isAll()) {
                    timeOutsidePeriod |= !entries.lockUninvoiced(line.getId(), TimesheetsPeriod.ALL.from(),
                            TimesheetsPeriod.ALL.to()).isEmpty();
                }
            } else {
                BigDecimal toInvoice = figures.ofLine(line.getId()).toInvoice();
                if (toInvoice.signum() > 0 || (toInvoice.signum() < 0 && deductDownPayments)) {
                    lines.add(new InvoiceLine(line, InvoiceLine.Kind.ITEM, line.getDescription(),
                            LineFigures.shown(toInvoice), line.getUnitPrice(), line.getTaxRate()));
                }
            }
        }
        if (lines.isEmpty() && !amendments.isEmpty()) {
            // Time added after the customer signed goes on an invoice of its own, once the rest is billed.
            return new Plan(amendments, true);
        }
        if (lines.isEmpty()) {
            throw new BillingException(nothingToInvoice(order, period, timeOutsidePeriod));
        }
        if (deductDownPayments) {
            order.getLines().stream()
                    .filter(line -> line.isDownPayment() && isDeductible(line))
                    .forEach(line -> lines.add(new InvoiceLine(line, InvoiceLine.Kind.DOWN_PAYMENT_DEDUCTION,
                            "Deduction: " + line.getDescription(), BigDecimal.ONE.negate(), line.getUnitPrice(),
                            line.getTaxRate())));
        }
        boolean settlesDownPayment = lines.stream().anyMatch(l -> l.getKind() == InvoiceLine.Kind.DOWN_PAYMENT_DEDUCTION);
        if (!settlesDownPayment && lines.stream().allMatch(l -> l.getSubtotal().signum() == 0)) {
            throw new BillingException("Nothing to invoice on %s: what is left to invoice comes to 0.00."
                    .formatted(order.getNumber()));
        }
        return new Plan(lines, false);
    }

    /** One time line per surcharge (most often just one, at the line's price), each allocating its entries. */
    private static List<InvoiceLine> timeLines(SalesOrderLine line, List<TimesheetEntry> open) {
        return SurchargeGroup.of(open).stream().map(group -> {
            InvoiceLine timeLine = new InvoiceLine(line, InvoiceLine.Kind.TIME, group.description(line),
                    InvoiceMath.hours(group.minutes()), group.unitPrice(line), line.getTaxRate());
            group.entries().forEach(entry -> timeLine.allocate(
                    new BillingAllocation(timeLine, entry, entry.getBilledMinutes())));
            return timeLine;
        }).toList();
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

    private boolean isDeductible(SalesOrderLine downPaymentLine) {
        return invoiceLines.postedDownPayment(downPaymentLine.getId()).signum() > 0
                && !invoiceLines.isDeducted(downPaymentLine.getId());
    }

    /**
     * A down-payment invoice: a percentage of the untaxed ordered amount per tax rate, or a fixed
     * amount, tax included, that the invoice total hits to the cent. Each rate gets a down-payment
     * line on the order, which a final invoice deducts.
     */
    public Invoice createDownPaymentInvoice(Long orderId, DownPayment downPayment) {
        SalesOrder order = orders.lock(orderId).orElseThrow(() -> NotFound.of("sales order", orderId));
        if (order.getState() != SalesOrder.State.CONFIRMED) {
            throw new BillingException("A down payment needs a confirmed order: %s is %s."
                    .formatted(order.getNumber(), order.getState().name().toLowerCase()));
        }
        if (downPayment == null || downPayment.value() == null || downPayment.value().signum() <= 0) {
            throw new BillingException(DOWN_PAYMENT_NOT_POSITIVE);
        }
        Map<BigDecimal, BigDecimal> untaxedByRate = new TreeMap<>();
        order.getLines().stream().filter(line -> !line.isDownPayment()).forEach(line -> untaxedByRate.merge(
                line.getTaxRate(), InvoiceMath.subtotal(line.getOrderedQuantity(), line.getUnitPrice()), BigDecimal::add));
        Map<BigDecimal, BigDecimal> totalByRate = new TreeMap<>();
        untaxedByRate.forEach((rate, untaxed) -> totalByRate.put(rate, untaxed.add(InvoiceMath.tax(untaxed, rate))));
        BigDecimal orderTotal = totalByRate.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (orderTotal.signum() <= 0) {
            throw new BillingException("Order %s has no ordered amount to ask a down payment on.".formatted(order.getNumber()));
        }
        boolean percentage = downPayment.kind() == DownPayment.Kind.PERCENTAGE;
        BigDecimal limit = percentage ? BigDecimal.valueOf(100) : orderTotal;
        if (downPayment.value().compareTo(limit) > 0) {
            throw new BillingException("The down payment cannot exceed the order total of %s.".formatted(orderTotal));
        }

        Map<BigDecimal, BigDecimal> downPaymentByRate = new LinkedHashMap<>();
        if (percentage) {
            untaxedByRate.forEach((rate, untaxed) ->
                    downPaymentByRate.put(rate, InvoiceMath.percentOf(untaxed, downPayment.value())));
        } else {
            BigDecimal assigned = BigDecimal.ZERO;
            List<BigDecimal> rates = new ArrayList<>(totalByRate.keySet());
            for (int i = 0; i < rates.size(); i++) {
                BigDecimal rate = rates.get(i);
                BigDecimal share = i == rates.size() - 1
                        ? downPayment.value().subtract(assigned)
                        : downPayment.value().multiply(totalByRate.get(rate))
                                .divide(orderTotal, 2, java.math.RoundingMode.HALF_UP);
                assigned = assigned.add(share);
                downPaymentByRate.put(rate, InvoiceMath.untaxedFor(share, rate));
            }
        }

        String description = percentage
                ? "Down payment of %s %% on %s".formatted(downPayment.value().stripTrailingZeros().toPlainString(),
                        order.getNumber())
                : "Down payment on " + order.getNumber();
        Invoice invoice = new Invoice(order.getCustomer(), order.getNumber(), TimesheetsPeriod.ALL);
        downPaymentByRate.forEach((rate, untaxed) -> {
            SalesOrderLine line = salesOrders.addDownPaymentLine(order, description, untaxed, rate);
            invoice.add(new InvoiceLine(line, InvoiceLine.Kind.DOWN_PAYMENT, description, BigDecimal.ONE, untaxed, rate));
        });
        return invoices.save(invoice);
    }

    /** Records who approved a draft for posting. */
    public Invoice approve(Long invoiceId, String userId) {
        Invoice invoice = invoices.lock(invoiceId).orElseThrow(() -> NotFound.of("invoice", invoiceId));
        if (invoice.getState() != Invoice.State.DRAFT) {
            throw new BillingException("Only a draft is approved; this one is %s."
                    .formatted(invoice.getState().name().toLowerCase()));
        }
        invoice.approvedBy(userId);
        return invoice;
    }

    /** Records who asked for a credit note against a posted invoice; the credit note is issued next. */
    public Invoice requestCredit(Long invoiceId, String userId) {
        Invoice invoice = invoices.lock(invoiceId).orElseThrow(() -> NotFound.of("invoice", invoiceId));
        invoice.creditRequestedBy(userId);
        return invoice;
    }

    /** Posts a draft: it gets the next number of its year and can no longer change. */
    public Invoice post(Long invoiceId) {
        Invoice invoice = invoices.lock(invoiceId).orElseThrow(() -> NotFound.of("invoice", invoiceId));
        if (invoice.getState() != Invoice.State.DRAFT) {
            throw new BillingException("Only a draft can be posted; this one is %s."
                    .formatted(invoice.getState().name().toLowerCase()));
        }
        if (invoice.getLines().isEmpty()) {
            throw new BillingException("An invoice without lines cannot be posted.");
        }
        if (invoice.getAmountTotal().signum() == 0 && invoice.getLines().stream()
                .noneMatch(line -> line.getKind() == InvoiceLine.Kind.DOWN_PAYMENT_DEDUCTION)) {
            throw new BillingException("An invoice of 0.00 is not posted: it bills nothing.");
        }
        LocalDate today = LocalDate.now(clock);
        int sequence = numbers.next(invoice.numberPrefix() + "/" + today.getYear());
        invoice.post(today, today.getYear(), sequence, clock.instant());
        return invoice;
    }

    /** Cancels a draft and releases the entries it held; posted invoices are corrected by credit notes. */
    public Invoice cancelDraft(Long invoiceId) {
        Invoice invoice = invoices.lock(invoiceId).orElseThrow(() -> NotFound.of("invoice", invoiceId));
        if (invoice.getState() != Invoice.State.DRAFT) {
            throw new BillingException("Only a draft can be cancelled; %s is %s: issue a credit note instead."
                    .formatted(invoice.getNumber(), invoice.getState().name().toLowerCase()));
        }
        invoice.getLines().forEach(line -> line.getAllocations().clear());
        invoice.cancel();
        return invoice;
    }

    /** Removes a line from a draft; its entries are free to be invoiced again. */
    public Invoice removeLine(Long invoiceLineId) {
        InvoiceLine line = invoiceLines.findById(invoiceLineId)
                .orElseThrow(() -> NotFound.of("invoice line", invoiceLineId));
        Invoice invoice = invoices.lock(line.getInvoice().getId()).orElseThrow();
        if (invoice.getState() != Invoice.State.DRAFT) {
            throw new BillingException("Lines can only be removed from a draft.");
        }
        invoice.remove(line);
        return invoice;
    }

    /**
     * A credit note for a posted invoice. With entry ids, it gives back exactly those entries'
     * minutes (they can be invoiced again); without, everything the invoice still bills.
     */
    public Invoice createCreditNote(Long invoiceId, Set<Long> entryIds) {
        Invoice original = invoices.lock(invoiceId).orElseThrow(() -> NotFound.of("invoice", invoiceId));
        if (original.getState() != Invoice.State.POSTED || original.getReversedInvoice() != null) {
            throw new BillingException("Only a posted invoice can be credited.");
        }
        // The request is used up by this attempt, issued or refused: the next credit needs its own.
        original.creditRequestedBy(null);
        boolean full = entryIds == null || entryIds.isEmpty();
        Set<Long> notFound = full ? new LinkedHashSet<>() : new LinkedHashSet<>(entryIds);
        Invoice credit = Invoice.creditNoteOf(original);
        for (InvoiceLine line : original.getLines()) {
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
                    InvoiceLine creditLine = new InvoiceLine(line.getSalesOrderLine(), InvoiceLine.Kind.TIME,
                            line.getDescription(), InvoiceMath.hours(minutes).negate(), line.getUnitPrice(),
                            line.getTaxRate());
                    giveBack.forEach((entry, given) -> creditLine.allocate(new BillingAllocation(creditLine, entry, -given)));
                    credit.add(creditLine);
                }
            } else if (full) {
                BigDecimal remaining = line.getQuantity().add(invoiceLines.creditedQuantity(
                        original.getId(), line.getSalesOrderLine().getId(), line.getKind()));
                if (remaining.signum() != 0) {
                    credit.add(new InvoiceLine(line.getSalesOrderLine(), line.getKind(), line.getDescription(),
                            remaining.negate(), line.getUnitPrice(), line.getTaxRate()));
                }
            }
        }
        if (!notFound.isEmpty()) {
            throw new BillingException("Timesheet entries %s are not billed on %s."
                    .formatted(notFound, original.getNumber()));
        }
        if (credit.getLines().isEmpty()) {
            throw new BillingException("Everything on %s has already been credited.".formatted(original.getNumber()));
        }
        if (credit.getAmountTotal().signum() == 0) {
            throw new BillingException("A credit note of 0.00 gives nothing back: %s bills nothing for what was ticked."
                    .formatted(original.getNumber()));
        }
        return invoices.save(credit);
    }
}

package dev.tandem.invoicing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.common.BillingException;
import dev.tandem.common.Company;
import dev.tandem.common.NotFound;
import dev.tandem.common.NumberSequences;
import dev.tandem.money.Money;
import dev.tandem.money.OrderBill;
import dev.tandem.money.TaxIncluded;
import dev.tandem.money.TaxRounding;
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

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal CENT = new BigDecimal("0.01");

    private final InvoiceRepository invoices;
    private final InvoiceLineRepository invoiceLines;
    private final SalesOrderRepository orders;
    private final SalesOrderService salesOrders;
    private final TimesheetEntryRepository entries;
    private final OrderFigures figures;
    private final NumberSequences numbers;
    private final Clock clock;

    private final InvoiceRunSkipRepository runSkips;
    private final BilledSoFar billed;

    private final Company company;

    InvoicingService(InvoiceRepository invoices, InvoiceLineRepository invoiceLines, SalesOrderRepository orders,
                     SalesOrderService salesOrders, TimesheetEntryRepository entries, OrderFigures figures,
                     NumberSequences numbers, Clock clock, InvoiceRunSkipRepository runSkips, BilledSoFar billed,
                     Company company) {
        this.company = company;
        this.billed = billed;
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
        List<Long> ids = request.orderIds().stream().distinct().sorted().toList();
        Map<Long, SalesOrder> locked = orders.lockAll(ids).stream()
                .collect(Collectors.toMap(SalesOrder::getId, order -> order));
        OrdersRead read = read(ids, locked.values(), period);
        for (Long orderId : ids) {
            SalesOrder order = locked.get(orderId);
            if (order == null) {
                throw NotFound.of("sales order", orderId);
            }
            try {
                Plan plan = plan(order, period, request.deductDownPayments(), read);
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

    /**
     * What planning needs of the orders, read for all of them at once (a run plans a hundred at a
     * time): their lines, open drafts, open time (locked, in id order), what their documents billed.
     */
    private record OrdersRead(Map<Long, Invoice> openDrafts, Map<Long, List<TimesheetEntry>> openTime,
                              Map<Long, OrderBill> bills) {
    }

    private OrdersRead read(List<Long> ids, Collection<SalesOrder> locked, TimesheetsPeriod period) {
        orders.findWithLines(ids);
        Map<Long, Invoice> drafts = new HashMap<>();
        invoices.draftsOfOrders(ids).forEach(row -> drafts.putIfAbsent((Long) row[0], (Invoice) row[1]));
        List<Long> timeLines = locked.stream().flatMap(order -> order.getLines().stream())
                .filter(line -> !line.isDownPayment() && line.isTimesheetBilled()).map(SalesOrderLine::getId).toList();
        Map<Long, List<TimesheetEntry>> openTime = (timeLines.isEmpty() ? List.<TimesheetEntry>of()
                : entries.lockUninvoiced(timeLines, period.from(), period.to())).stream()
                .sorted(Comparator.comparing(TimesheetEntry::getWorkDate).thenComparing(TimesheetEntry::getId))
                .collect(Collectors.groupingBy(entry -> entry.getSalesOrderLine().getId()));
        return new OrdersRead(drafts, openTime, billed.of(locked));
    }

    /** An order's share of an invoice; amendments (time added after signing) are never mixed with other lines. */
    private record Plan(List<InvoiceLine> lines, boolean amendmentsOnly) {
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

    private Plan plan(SalesOrder order, TimesheetsPeriod period, boolean deductDownPayments, OrdersRead read) {
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
                BigDecimal toInvoice = figures.ofLine(line.getId()).toInvoice();
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
    private void refuseWhileDraftOpen(SalesOrder order) {
        invoices.openDraftOf(order.getId()).ifPresent(draft -> {
            throw draftOpen(order, draft);
        });
    }

    private static BillingException draftOpen(SalesOrder order, Invoice draft) {
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
                && invoiceLines.deducted(downPaymentLine.getId()).signum() == 0;
    }

    /**
     * A down-payment invoice: a percentage of the untaxed ordered amount (of each line when tax is
     * rounded per line, of each rate when per document), or a fixed amount, tax included, that the
     * invoice hits to the cent or is refused with the nearest amounts it could hit. Each line of the
     * invoice is a down-payment line on the order, which a final invoice deducts exactly.
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
        refuseWhileDraftOpen(order);
        OrderBill ordered = order.ordered();
        BigDecimal orderTotal = ordered.total();
        if (orderTotal.signum() <= 0) {
            throw new BillingException("Order %s has no ordered amount to ask a down payment on.".formatted(order.getNumber()));
        }
        boolean percentage = downPayment.kind() == DownPayment.Kind.PERCENTAGE;
        if (downPayment.value().compareTo(percentage ? HUNDRED : orderTotal) > 0) {
            throw new BillingException("The down payment cannot exceed the order total of %s.".formatted(orderTotal));
        }
        String description = percentage
                ? "Down payment of %s %% on %s".formatted(downPayment.value().stripTrailingZeros().toPlainString(),
                        order.getNumber())
                : "Down payment on " + order.getNumber();
        // A fixed amount of the whole total is the order itself, row for row, so that its final invoice is 0.00.
        List<Asked> asked = percentage || downPayment.value().compareTo(orderTotal) == 0
                ? percentageOf(order, ordered, percentage ? downPayment.value() : HUNDRED, description)
                : fixedAmount(order, ordered, downPayment.value(), description);
        if (asked.stream().allMatch(row -> row.untaxed().signum() == 0)) {
            throw new BillingException("A down payment of %s %% on %s comes to 0.00.".formatted(
                    downPayment.value().stripTrailingZeros().toPlainString(), order.getNumber()));
        }
        Invoice invoice = new Invoice(order.getCustomer(), order.getNumber(), TimesheetsPeriod.ALL);
        OrderBill bill = new OrderBill(order.getTaxRounding());
        asked.stream().filter(row -> row.untaxed().signum() > 0).forEach(row -> {
            SalesOrderLine line = salesOrders.addDownPaymentLine(order, row.description(), row.untaxed(), row.rate());
            invoice.add(new InvoiceLine(line, InvoiceLine.Kind.DOWN_PAYMENT, row.description(), row.untaxed(),
                    row.rate(), bill.addQuantity(line, row.untaxed(), row.rate(), BigDecimal.ONE)));
        });
        return invoices.save(invoice);
    }

    /** One line of a down payment: an untaxed amount at a tax rate. */
    private record Asked(String description, BigDecimal rate, BigDecimal untaxed) {
    }

    /** Per order line when tax is rounded per line, per rate when per document: 100 % is the order exactly. */
    private static List<Asked> percentageOf(SalesOrder order, OrderBill ordered, BigDecimal percent,
                                            String description) {
        if (order.getTaxRounding() == TaxRounding.PER_DOCUMENT) {
            return ordered.byRate().stream().map(rate -> new Asked(description, rate.rate(),
                    Money.percentOf(rate.untaxed(), percent))).toList();
        }
        return order.getLines().stream().filter(line -> !line.isDownPayment())
                .map(line -> new Asked(description + " · " + line.getDescription(), line.getTaxRate(),
                        Money.percentOf(Money.amount(line.getOrderedQuantity(), line.getUnitPrice()), percent)))
                .toList();
    }

    /**
     * A fixed amount shared among the order's tax rates in proportion to their totals, each share an
     * untaxed amount whose total with its tax is the share to the cent. Where tax rounding leaves a
     * share out of reach, a cent moves to another rate; when no rate can take it, the amount is
     * refused with the nearest amounts that can be asked.
     */
    private static List<Asked> fixedAmount(SalesOrder order, OrderBill ordered, BigDecimal amount, String description) {
        List<OrderBill.RateTotal> rates = ordered.byRate().stream()
                .filter(rate -> rate.untaxed().add(rate.tax()).signum() > 0).toList();
        BigDecimal orderTotal = ordered.total();
        List<BigDecimal> shares = new ArrayList<>();
        BigDecimal assigned = BigDecimal.ZERO;
        for (int i = 0; i < rates.size(); i++) {
            BigDecimal rateTotal = rates.get(i).untaxed().add(rates.get(i).tax());
            BigDecimal share = i == rates.size() - 1 ? amount.subtract(assigned)
                    : amount.multiply(rateTotal).divide(orderTotal, 2, RoundingMode.HALF_UP);
            shares.add(share);
            assigned = assigned.add(share);
        }
        for (int i = 0; i < rates.size(); i++) {
            if (TaxIncluded.untaxedFor(shares.get(i), rates.get(i).rate()).isEmpty()
                    && !moveACent(shares, rates, i)) {
                BigDecimal share = shares.get(i);
                BigDecimal rate = rates.get(i).rate();
                BigDecimal rest = amount.subtract(share);
                throw new BillingException(("A down payment of exactly %s cannot be reached on %s: with tax at %s %% "
                        + "rounded to the cent, no untaxed amount comes to %s. The nearest amounts are %s and %s.")
                        .formatted(amount, order.getNumber(), rate.stripTrailingZeros().toPlainString(), share,
                                rest.add(TaxIncluded.below(share, rate)), rest.add(TaxIncluded.above(share, rate))));
            }
        }
        List<Asked> asked = new ArrayList<>();
        for (int i = 0; i < rates.size(); i++) {
            asked.add(new Asked(description, rates.get(i).rate(),
                    TaxIncluded.untaxedFor(shares.get(i), rates.get(i).rate()).orElseThrow()));
        }
        return asked;
    }

    /** Moves one cent between share {@code i} and another so that both can be reached; false if none can. */
    private static boolean moveACent(List<BigDecimal> shares, List<OrderBill.RateTotal> rates, int i) {
        for (int j = 0; j < shares.size(); j++) {
            for (BigDecimal cent : List.of(CENT, CENT.negate())) {
                BigDecimal mine = shares.get(i).add(cent);
                BigDecimal theirs = shares.get(j).subtract(cent);
                if (j != i && mine.signum() >= 0 && theirs.signum() >= 0
                        && TaxIncluded.untaxedFor(mine, rates.get(i).rate()).isPresent()
                        && TaxIncluded.untaxedFor(theirs, rates.get(j).rate()).isPresent()) {
                    shares.set(i, mine);
                    shares.set(j, theirs);
                    return true;
                }
            }
        }
        return false;
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
        return post(invoices.lock(invoiceId).orElseThrow(() -> NotFound.of("invoice", invoiceId)));
    }

    /** Posts a draft already locked, or drafted in this very transaction (an invoice run's chunk). */
    Invoice post(Invoice invoice) {
        if (invoice.getState() != Invoice.State.DRAFT) {
            throw new BillingException("Only a draft can be posted; this one is %s."
                    .formatted(invoice.getState().name().toLowerCase()));
        }
        if (invoice.getLines().isEmpty()) {
            throw new BillingException("An invoice without lines cannot be posted.");
        }
        if (invoice.getAmountTotal().signum() == 0 && !invoice.deductsDownPayments()) {
            throw new BillingException("An invoice of 0.00 is not posted: it bills nothing.");
        }
        LocalDate today = LocalDate.now(clock);
        int sequence = numbers.next(invoice.numberPrefix() + "/" + today.getYear());
        invoice.post(today, today.getYear(), sequence, clock.instant(),
                invoice.getCustomer().paymentTermsDays(company.paymentTermsDays()));
        return invoice;
    }

    /** Cancels a draft and releases the entries it held; posted invoices are corrected by credit notes. */
    public Invoice cancelDraft(Long invoiceId) {
        Invoice invoice = invoices.lock(invoiceId).orElseThrow(() -> NotFound.of("invoice", invoiceId));
        if (invoice.getState() != Invoice.State.DRAFT) {
            throw new BillingException("Only a draft can be cancelled; %s is %s: issue a credit note instead."
                    .formatted(invoice.getNumber(), invoice.getState().name().toLowerCase()));
        }
        invoice.getLines().forEach(InvoiceLine::releaseAllocations);
        invoice.cancel();
        return invoice;
    }

    /**
     * A credit note for a posted invoice. With entry ids, it gives back exactly those entries'
     * minutes (they can be invoiced again); without, everything the invoice still bills. Time and
     * items give back the change they make to their order's bill, down payments and deductions
     * their exact figures.
     */
    public Invoice createCreditNote(Long invoiceId, Set<Long> entryIds) {
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
            refuseWhileDraftOpen(order);
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
                        && invoiceLines.deducted(orderLine.getId()).signum() != 0) {
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

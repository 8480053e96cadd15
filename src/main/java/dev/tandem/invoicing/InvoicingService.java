package dev.tandem.invoicing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;


import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.common.BillingException;
import dev.tandem.common.Company;
import dev.tandem.common.NotFound;
import dev.tandem.common.NumberSequences;
import dev.tandem.sales.SalesOrder;
import dev.tandem.sales.SalesOrderRepository;

/**
 * Draft invoices from what {@link InvoicePlanner} plans for orders (their allocations hold the
 * timesheet entries they bill in the ledger), approved, posted with gapless numbers, or cancelled,
 * which releases the entries. Down payments and credit notes have services of their own
 * ({@link DownPayments}, {@link CreditNotes}).
 */
@Service
@Transactional(noRollbackFor = BillingException.class)
public class InvoicingService {

    private final InvoiceRepository invoices;
    private final SalesOrderRepository orders;
    private final NumberSequences numbers;
    private final Clock clock;
    private final InvoiceRunSkipRepository runSkips;
    private final Company company;
    private final InvoicePlanner planner;
    private final DownPayments downPayments;
    private final OrderFigures figures;

    InvoicingService(InvoiceRepository invoices, SalesOrderRepository orders, NumberSequences numbers, Clock clock,
                     InvoiceRunSkipRepository runSkips, Company company, InvoicePlanner planner,
                     DownPayments downPayments, OrderFigures figures) {
        this.planner = planner;
        this.downPayments = downPayments;
        this.figures = figures;
        this.company = company;
        this.runSkips = runSkips;
        this.invoices = invoices;
        this.orders = orders;
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
        Map<SalesOrder, InvoicePlanner.Plan> planned = new LinkedHashMap<>();
        List<Skipped> skipped = new ArrayList<>();
        List<Long> ids = request.orderIds().stream().distinct().sorted().toList();
        Map<Long, SalesOrder> locked = orders.lockAll(ids).stream()
                .collect(Collectors.toMap(SalesOrder::getId, order -> order));
        orders.findWithLines(ids); // the locked orders' lines, read in one query for the planner
        InvoicePlanner.OrdersRead read = planner.read(ids, locked.values(), period, true);
        for (Long orderId : ids) {
            SalesOrder order = locked.get(orderId);
            if (order == null) {
                throw NotFound.of("sales order", orderId);
            }
            try {
                InvoicePlanner.Plan plan = planner.plan(order, period, request.deductDownPayments(), read);
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
            Invoice invoice = new Invoice(group.get(0).getCustomer(), group, period);
            group.forEach(order -> planned.get(order).lines().forEach(invoice::add));
            created.add(invoices.save(invoice));
        }
        return new InvoiceBatch(created, skipped);
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

    /** @param fullyInvoiced whether nothing is left to invoice on the order after it */
    public record Issued(Invoice invoice, boolean fullyInvoiced) {
    }

    /**
     * An invoice issued at once, drafted and posted: the order's regular invoice, deducting its
     * posted down payments, or (with a down payment) a down-payment invoice.
     */
    public Issued issue(Long orderId, DownPayment downPayment) {
        Invoice draft = downPayment != null ? downPayments.create(orderId, downPayment)
                : createInvoice(orderId, TimesheetsPeriod.ALL, true);
        Invoice posted = post(draft);
        return new Issued(posted, figures.ofOrder(orderId).lines().stream()
                .allMatch(line -> line.toInvoice().signum() <= 0));
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

}

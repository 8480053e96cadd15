package dev.tandem.invoicing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import dev.tandem.catalog.Product;
import dev.tandem.common.Company;
import dev.tandem.common.HoursAndMinutes;
import dev.tandem.common.NotFound;
import dev.tandem.common.PdfPrinter;
import dev.tandem.fieldservice.FieldTask;
import dev.tandem.fieldservice.FieldTaskRepository;
import dev.tandem.money.OrderBill;
import dev.tandem.money.TaxRounding;
import dev.tandem.sales.SalesOrder;
import dev.tandem.timesheets.TimesheetEntry;

/**
 * The invoice as the customer reads it: an XHTML page from the Thymeleaf template
 * {@code templates/invoice/document.html}, printed to PDF. Every figure is one the customer can
 * re-check: shown quantities, shown prices, taxes per rate, and the timesheet entries billed.
 */
@Service
@Transactional(readOnly = true)
public class InvoiceDocument {

    private final InvoiceRepository invoices;
    private final ITemplateEngine templates;
    private final Company company;
    private final PdfPrinter printer;
    private final FieldTaskRepository fieldTasks;
    private final Clock clock;

    InvoiceDocument(InvoiceRepository invoices, ITemplateEngine templates, Company company, PdfPrinter printer,
                    FieldTaskRepository fieldTasks, Clock clock) {
        this.fieldTasks = fieldTasks;
        this.clock = clock;
        this.invoices = invoices;
        this.templates = templates;
        this.company = company;
        this.printer = printer;
    }

    /**
     * A line as printed; for time, the actual and billed time of the entries it bills; marked when
     * its amount is the change in its order line's rounded amount rather than quantity × price.
     */
    public record PrintedLine(InvoiceLine line, BigDecimal quantity, BigDecimal subtotal, String time,
                              boolean roundedWithTheOrder) {

        /** The unit of the quantity: hours for time and hourly products, units for the rest. */
        public String unit() {
            Product product = line.getSalesOrderLine() == null ? null : line.getSalesOrderLine().getProduct();
            boolean hours = line.getKind() == InvoiceLine.Kind.TIME
                    || (product != null && product.getUnit() == Product.Unit.HOUR);
            return hours ? "h" : quantity.abs().compareTo(BigDecimal.ONE) == 0 ? "unit" : "units";
        }
    }

    public record TaxAmount(BigDecimal rate, BigDecimal untaxed, BigDecimal tax) {
    }

    /** One timesheet entry of the annex, with the minutes this document bills of it. */
    public record BilledEntry(TimesheetEntry entry, int actualMinutes, int billedMinutes, String orderLine) {

        public String actual() {
            return HoursAndMinutes.of(actualMinutes);
        }

        public String billed() {
            return HoursAndMinutes.withDecimal(billedMinutes);
        }
    }

    public String fileName(Invoice invoice) {
        String name = invoice.getNumber() != null ? invoice.getNumber() : "draft-" + invoice.getId();
        return name.replace('/', '-') + ".pdf";
    }

    public byte[] pdf(Long invoiceId) {
        return printer.print(html(invoiceId), "Invoice " + invoiceId);
    }

    public String html(Long invoiceId) {
        Invoice invoice = invoices.findById(invoiceId).orElseThrow(() -> NotFound.of("invoice", invoiceId));
        // The template formats every figure with an explicit decimal point, whatever the server's locale.
        Context context = new Context();
        context.setVariable("company", company);
        context.setVariable("invoice", invoice);
        context.setVariable("lines", invoice.getLines().stream().map(line -> printed(invoice, line)).toList());
        context.setVariable("taxes", taxes(invoice));
        context.setVariable("entries", entries(invoice));
        context.setVariable("untaxed", invoice.shown(invoice.getAmountUntaxed()));
        context.setVariable("tax", invoice.shown(invoice.getAmountTax()));
        context.setVariable("total", invoice.shown(invoice.getAmountTotal()));
        context.setVariable("rounding", roundingRule(invoice, entries(invoice)));
        context.setVariable("orders", invoice.getLines().stream().filter(line -> line.getSalesOrderLine() != null)
                .map(line -> line.getSalesOrderLine().getOrder().getNumber()).distinct().sorted().toList());
        context.setVariable("amendedTasks", amendedFieldTasks(entries(invoice)));
        // A draft's preview shows the due date it gets if posted today, as the posted invoice will.
        context.setVariable("dueDate", invoice.getState() == Invoice.State.DRAFT
                ? invoice.dueDateIfPostedOn(LocalDate.now(clock), invoice.getCustomer().paymentTermsDays(
                        company.paymentTermsDays()))
                : invoice.getDueDate());
        return templates.process("invoice/document", context);
    }

    private static PrintedLine printed(Invoice invoice, InvoiceLine line) {
        String time = null;
        if (line.getKind() == InvoiceLine.Kind.TIME) {
            int billed = Math.abs(line.getAllocations().stream().mapToInt(BillingAllocation::getMinutes).sum());
            int actual = line.getAllocations().stream().mapToInt(InvoiceDocument::actualMinutes).sum();
            time = "Time: actual %s h, billed %s h (see annex)".formatted(HoursAndMinutes.of(actual),
                    HoursAndMinutes.of(billed));
        }
        return new PrintedLine(line, invoice.shown(line.getQuantity()), invoice.shown(line.getSubtotal()), time,
                line.isRoundedWithTheOrder());
    }

    /** The field tasks whose time added after the customer signed this document bills, if it bills only such time. */
    private List<String> amendedFieldTasks(List<BilledEntry> entries) {
        if (entries.isEmpty() || !entries.stream().allMatch(billed -> billed.entry().isAmendment())) {
            return List.of();
        }
        return fieldTasks.findAllById(entries.stream().map(billed -> billed.entry().getFieldTaskId())
                .filter(Objects::nonNull).distinct().toList()).stream()
                .map(FieldTask::getNumber).sorted().toList();
    }

    /** A partial credit gives back billed minutes only: its actual time is the same minutes. */
    private static int actualMinutes(BillingAllocation allocation) {
        int minutes = Math.abs(allocation.getMinutes());
        return minutes == allocation.getEntry().getBilledMinutes() ? allocation.getEntry().getActualMinutes() : minutes;
    }

    static List<TaxAmount> taxes(Invoice invoice) {
        Map<BigDecimal, BigDecimal[]> byRate = new TreeMap<>();
        for (InvoiceLine line : invoice.getLines()) {
            BigDecimal[] sums = byRate.computeIfAbsent(line.getTaxRate().stripTrailingZeros(),
                    rate -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(invoice.shown(line.getSubtotal()));
            sums[1] = sums[1].add(invoice.shown(line.getTax()));
        }
        return byRate.entrySet().stream()
                .map(rate -> new TaxAmount(rate.getKey(), rate.getValue()[0], rate.getValue()[1]))
                .toList();
    }

    private static List<BilledEntry> entries(Invoice invoice) {
        return invoice.getLines().stream()
                .flatMap(line -> line.getAllocations().stream())
                .map(a -> new BilledEntry(a.getEntry(), actualMinutes(a), Math.abs(a.getMinutes()),
                        a.getInvoiceLine().getDescription()))
                .sorted(Comparator.comparing((BilledEntry b) -> b.entry().getWorkDate())
                        .thenComparing(b -> b.entry().getId()))
                .toList();
    }

    /**
     * The footnote: each rounding rule that billed a timer entry of this invoice, by the name it had
     * then; how hours, amounts and taxes are rounded; why a figure differs by a cent from the
     * document alone when it does.
     */
    static String roundingRule(Invoice invoice, List<BilledEntry> entries) {
        List<String> rules = entries.stream().map(billed -> billed.entry().getRoundingRule())
                .filter(Objects::nonNull).distinct().toList();
        StringBuilder rule = new StringBuilder();
        if (!rules.isEmpty()) {
            rule.append("Rounding of timer time: ").append(String.join("; ", rules)).append(". ");
        }
        if (entries.stream().anyMatch(billed -> billed.entry().getRoundingRule() == null)) {
            rule.append("Time logged by hand is billed as logged. ");
        }
        if (!entries.isEmpty()) {
            rule.append("Hours are shown as hours:minutes and as decimal hours to two decimals, which the amounts "
                    + "are computed with. ");
        }
        rule.append("Each amount is quantity × unit price rounded half-up to the cent; ");
        rule.append(invoice.getLines().stream().map(line -> line.getSalesOrderLine().getOrder().getTaxRounding())
                .distinct().map(TaxRounding::describe).collect(Collectors.joining("; "))).append('.');
        boolean marked = invoice.getLines().stream().anyMatch(InvoiceLine::isRoundedWithTheOrder);
        if (marked || !taxesAsAlone(invoice)) {
            rule.append(" This document bills part of orders billed before: its hours, amounts and taxes are the "
                    + "change it makes to each order's rounded figures, so that all documents of an order add up to "
                    + "the order to the cent; they may differ by a hundredth from this document computed alone")
                    .append(marked ? " (lines marked *)." : ".");
        }
        if (invoice.isSettlement()) {
            rule.append(" The down payments received settle this order: nothing is due.");
        }
        return rule.toString();
    }

    /** Whether the taxes are what the rounding gives on this document's lines alone. */
    private static boolean taxesAsAlone(Invoice invoice) {
        Map<Long, OrderBill> alone = new HashMap<>();
        int row = 0;
        for (InvoiceLine line : invoice.getLines()) {
            if (line.getKind() == InvoiceLine.Kind.DOWN_PAYMENT_DEDUCTION) {
                continue;
            }
            SalesOrder order = line.getSalesOrderLine().getOrder();
            alone.computeIfAbsent(order.getId(), id -> new OrderBill(order.getTaxRounding()))
                    .addQuantity(row++, line.getSubtotal(), line.getTaxRate(), BigDecimal.ONE);
        }
        BigDecimal deducted = invoice.getLines().stream()
                .filter(line -> line.getKind() == InvoiceLine.Kind.DOWN_PAYMENT_DEDUCTION)
                .map(InvoiceLine::getTax).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal tax = alone.values().stream().map(OrderBill::tax).reduce(deducted, BigDecimal::add);
        return tax.compareTo(invoice.getAmountTax()) == 0;
    }
}

package dev.tandem.invoicing;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import dev.tandem.common.Company;
import dev.tandem.common.NotFound;
import dev.tandem.common.PdfPrinter;
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

    InvoiceDocument(InvoiceRepository invoices, ITemplateEngine templates, Company company, PdfPrinter printer) {
        this.invoices = invoices;
        this.templates = templates;
        this.company = company;
        this.printer = printer;
    }

    /** A line as printed; for time, the actual and billed minutes of the entries it bills. */
    public record PrintedLine(InvoiceLine line, BigDecimal quantity, BigDecimal subtotal, Integer actualMinutes,
                              Integer billedMinutes) {
    }

    public record TaxAmount(BigDecimal rate, BigDecimal base, BigDecimal tax) {
    }

    /** One timesheet entry of the annex, with the minutes this document bills of it. */
    public record BilledEntry(TimesheetEntry entry, int actualMinutes, int billedMinutes, String orderLine) {
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
        context.setVariable("rounding", roundingRule(entries(invoice)));
        return templates.process("invoice/document", context);
    }

    private static PrintedLine printed(Invoice invoice, InvoiceLine line) {
        Integer actual = null;
        Integer billed = null;
        if (line.getKind() == InvoiceLine.Kind.TIME) {
            billed = Math.abs(line.getAllocations().stream().mapToInt(BillingAllocation::getMinutes).sum());
            actual = line.getAllocations().stream().mapToInt(InvoiceDocument::actualMinutes).sum();
        }
        return new PrintedLine(line, invoice.shown(line.getQuantity()), invoice.shown(line.getSubtotal()), actual,
                billed);
    }

    /** A partial credit gives back billed minutes only: its actual time is the same minutes. */
    private static int actualMinutes(BillingAllocation allocation) {
        int minutes = Math.abs(allocation.getMinutes());
        return minutes == allocation.getEntry().getBilledMinutes() ? allocation.getEntry().getActualMinutes() : minutes;
    }

    private static List<TaxAmount> taxes(Invoice invoice) {
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

    /** The footnote: each rounding rule that billed a timer entry of this invoice, by the name it had then. */
    static String roundingRule(List<BilledEntry> entries) {
        List<String> rules = entries.stream().map(billed -> billed.entry().getRoundingRule())
                .filter(Objects::nonNull).distinct().toList();
        String timers = rules.isEmpty() ? "" : "Rounding of timer time: " + String.join("; ", rules) + ". ";
        return timers + "Time logged by hand is billed as logged. Hours are shown with two decimals; each line is "
                + "its shown hours times its shown price, rounded half-up to the cent.";
    }
}

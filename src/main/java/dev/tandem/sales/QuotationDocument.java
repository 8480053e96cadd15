package dev.tandem.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import dev.tandem.catalog.Product;
import dev.tandem.common.BillingException;
import dev.tandem.common.Company;
import dev.tandem.common.PdfPrinter;
import dev.tandem.money.Money;
import dev.tandem.outbox.OutboundMail;
import dev.tandem.outbox.Outbox;

/**
 * A quotation as the customer reads it: the letterhead, what is offered line by line with taxes
 * and totals, how long the offer stands and how to accept it; the Thymeleaf template
 * {@code templates/sales/quotation.html}, printed to PDF with the invoices' fonts.
 */
@Service
@Transactional(readOnly = true)
public class QuotationDocument {

    /** A line as offered: its quantity in its unit, price, tax rate and amount to the cent. */
    public record QuotedLine(String description, BigDecimal quantity, String unit, BigDecimal unitPrice,
                             BigDecimal taxRate, BigDecimal amount) {
    }

    /** Days a quotation stands from the day it is sent. */
    public static final int VALID_DAYS = 30;

    private final SalesOrderRepository orders;
    private final ITemplateEngine templates;
    private final Company company;
    private final PdfPrinter printer;

    private final IdentityService identity;
    private final Outbox outbox;

    QuotationDocument(SalesOrderRepository orders, ITemplateEngine templates, Company company, PdfPrinter printer,
                      IdentityService identity, Outbox outbox) {
        this.identity = identity;
        this.outbox = outbox;
        this.orders = orders;
        this.templates = templates;
        this.company = company;
        this.printer = printer;
    }

    /** A quotation on its way: the mail queued, and the first moment the offer no longer stands. */
    public record Sent(Long mailId, Instant offerEnds) {
    }

    /**
     * Prints the quotation as of today and queues its mail to the customer; the offer stands
     * {@link #VALID_DAYS} days, to the end of the last day on the company's clock.
     */
    @Transactional
    public Sent send(String number, LocalDate today) {
        SalesOrder quotation = orders.numbered(number);
        LocalDate validUntil = today.plusDays(VALID_DAYS);
        OutboundMail mail = outbox.queue(quotation.getCustomer().mailAddress(),
                "Quotation %s from %s".formatted(number, company.name()), """
                        Dear %s,

                        please find attached our quotation %s of %s %s, tax included, valid for %d days.
                        To accept it, reply to this mail.

                        Kind regards,
                        %s
                        """.formatted(quotation.getCustomer().getName(), number,
                        quotation.ordered().total().toPlainString(), company.currency(), VALID_DAYS, company.name()),
                fileName(number), pdf(number, validUntil));
        return new Sent(mail.getId(), validUntil.plusDays(1).atStartOfDay(company.timeZone()).toInstant());
    }

    public String fileName(String number) {
        return "quotation-" + number + ".pdf";
    }

    /** The quotation as printed on a day: it stands until {@code validUntil}. */
    public byte[] pdf(String number, LocalDate validUntil) {
        return printer.print(html(number, validUntil), "Quotation " + number);
    }

    /** The salesperson by name, as the customer knows them; their user id if Camunda has no name. */
    private String contact(String userId) {
        User user = userId == null ? null : identity.createUserQuery().userId(userId).singleResult();
        if (user == null || user.getFirstName() == null) {
            return userId;
        }
        return (user.getFirstName() + " " + java.util.Objects.toString(user.getLastName(), "")).strip();
    }

    public String html(String number, LocalDate validUntil) {
        SalesOrder quotation = orders.numbered(number);
        if (quotation.getState() != SalesOrder.State.QUOTATION) {
            throw new BillingException("%s is no longer a quotation: it is %s.".formatted(number,
                    quotation.getState().name().toLowerCase()));
        }
        Context context = new Context();
        context.setVariable("company", company);
        context.setVariable("quotation", quotation);
        context.setVariable("bill", quotation.ordered());
        context.setVariable("lines", quotation.getLines().stream().filter(line -> !line.isDownPayment())
                .map(line -> new QuotedLine(line.getDescription(), line.getOrderedQuantity(),
                        line.getProduct().getUnit() == Product.Unit.HOUR ? "h" : "units", line.getUnitPrice(),
                        line.getTaxRate(), Money.amount(line.getOrderedQuantity(), line.getUnitPrice())))
                .toList());
        context.setVariable("date", validUntil.minusDays(VALID_DAYS));
        context.setVariable("validUntil", validUntil);
        context.setVariable("contact", contact(quotation.getSalesperson()));
        return templates.process("sales/quotation", context);
    }
}

package dev.tandem.sales.process;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.common.Company;
import dev.tandem.outbox.Outbox;
import dev.tandem.sales.QuotationDocument;
import dev.tandem.sales.SalesOrder;
import dev.tandem.sales.SalesOrderRepository;

/**
 * Prints the quotation to PDF and puts the mail to the customer in the outbox, in one
 * transaction; the next step hands it to the mail server. A job of its own: a failure is retried
 * and ends as an incident.
 */
@Component("printQuotation")
class PrintQuotationDelegate implements JavaDelegate {

    private final SalesOrderRepository orders;
    private final QuotationDocument document;
    private final Outbox outbox;
    private final Company company;
    private final Clock clock;

    PrintQuotationDelegate(SalesOrderRepository orders, QuotationDocument document, Outbox outbox, Company company,
                           Clock clock) {
        this.clock = clock;
        this.orders = orders;
        this.document = document;
        this.outbox = outbox;
        this.company = company;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SalesOrder quotation = orders.ofInstance(execution.getProcessBusinessKey());
        String number = quotation.getNumber();
        LocalDate validUntil = LocalDate.now(clock).plusDays(QuotationDocument.VALID_DAYS);
        var mail = outbox.queue(quotation.getCustomer().mailAddress(),
                "Quotation %s from %s".formatted(number, company.name()), """
                        Dear %s,

                        please find attached our quotation %s of %s %s, tax included, valid for %d days.
                        To accept it, reply to this mail.

                        Kind regards,
                        %s
                        """.formatted(quotation.getCustomer().getName(), number,
                        quotation.ordered().total().toPlainString(), company.currency(), QuotationDocument.VALID_DAYS,
                        company.name()),
                document.fileName(number), document.pdf(number, validUntil));
        execution.setVariable(Outbox.MAIL_ID, mail.getId());
        // The customer's answer waits until the offer ends: the first moment of the next day.
        execution.setVariable(QuotationProcess.EXPIRES_AT,
                Date.from(validUntil.plusDays(1).atStartOfDay(company.timeZone()).toInstant()));
    }
}

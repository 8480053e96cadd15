package dev.tandem.invoicing.process;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import dev.tandem.common.Company;
import dev.tandem.common.FormFigures;
import dev.tandem.common.FormOptions;
import dev.tandem.invoicing.Invoice;
import dev.tandem.invoicing.InvoiceRepository;

/**
 * When <em>Invoice delivered time</em> is created, offers the order's posted invoices, newest
 * first, for <em>Credit an invoice</em> to pick from: number, date and total as the customer read
 * them, afresh whenever the form is opened. The choice is checked again when the credit is prepared.
 */
@Component("offerInvoicesToCredit")
class OfferInvoicesToCreditListener implements TaskListener, FormFigures {

    private final InvoiceRepository invoices;
    private final Company company;

    OfferInvoicesToCreditListener(InvoiceRepository invoices, Company company) {
        this.invoices = invoices;
        this.company = company;
    }

    @Override
    public void notify(DelegateTask task) {
        putOn(task);
    }

    @Override
    public Set<String> names() {
        return Set.of(InvoicingVariables.CREDITABLE_INVOICES);
    }

    @Override
    public Map<String, Object> figures(Function<String, Object> variables) {
        String order = (String) variables.apply(InvoicingVariables.ORDER_NUMBER);
        return Map.of(InvoicingVariables.CREDITABLE_INVOICES, FormOptions.of(
                invoices.postedInvoicesOfOrder(order).stream()
                        .map(invoice -> FormOptions.option(invoice.getNumber(), label(invoice))).toList()));
    }

    private String label(Invoice invoice) {
        return "%s · %s · %s %s".formatted(invoice.getNumber(), invoice.getInvoiceDate(),
                invoice.getAmountTotal().toPlainString(), company.currency());
    }
}

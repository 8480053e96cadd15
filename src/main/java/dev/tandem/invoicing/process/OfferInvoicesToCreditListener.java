package dev.tandem.invoicing.process;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

import dev.tandem.common.Company;
import dev.tandem.invoicing.Invoice;
import dev.tandem.invoicing.InvoiceRepository;

/**
 * When <em>Invoice delivered time</em> is created, offers the order's posted invoices, newest
 * first, for <em>Credit an invoice</em> to pick from: number, date and total as the customer read
 * them. The choice is checked again when the credit is prepared.
 */
@Component("offerInvoicesToCredit")
class OfferInvoicesToCreditListener implements TaskListener {

    private final InvoiceRepository invoices;
    private final Company company;

    OfferInvoicesToCreditListener(InvoiceRepository invoices, Company company) {
        this.invoices = invoices;
        this.company = company;
    }

    @Override
    public void notify(DelegateTask task) {
        String order = (String) task.getVariable(InvoicingVariables.ORDER_NUMBER);
        List<Map<String, Object>> choices = invoices.postedInvoicesOfOrder(order).stream()
                .map(invoice -> Map.<String, Object>of("value", invoice.getNumber(), "label", label(invoice)))
                .toList();
        // A JSON variable, which Tasklist hands to the form's select as its options.
        task.setVariable(InvoicingVariables.CREDITABLE_INVOICES, Spin.JSON(choices));
    }

    private String label(Invoice invoice) {
        return "%s · %s · %s %s".formatted(invoice.getNumber(), invoice.getInvoiceDate(),
                invoice.getAmountTotal().toPlainString(), company.currency());
    }
}

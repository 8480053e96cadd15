package dev.tandem.invoicing.process;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

import dev.tandem.common.BillingException;
import dev.tandem.common.Company;
import dev.tandem.common.FormValues;
import dev.tandem.common.HoursAndMinutes;
import dev.tandem.invoicing.BillingAllocation;
import dev.tandem.invoicing.Invoice;
import dev.tandem.invoicing.InvoiceRepository;

/**
 * Finds the posted invoice of this order that accounting wants to credit, and offers its timesheet
 * entries on the credit form so a partial credit gives back exactly the time ticked.
 */
@Component("prepareCredit")
class PrepareCreditDelegate implements JavaDelegate {

    private final InvoiceRepository invoices;
    private final Company company;

    PrepareCreditDelegate(InvoiceRepository invoices, Company company) {
        this.invoices = invoices;
        this.company = company;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = FormValues.text(execution.getVariable(InvoicingVariables.CREDITED_INVOICE_NUMBER));
        String orderNumber = (String) execution.getVariable(InvoicingVariables.ORDER_NUMBER);
        Invoice invoice = invoices.findByNumber(String.valueOf(number))
                .filter(found -> found.bills(orderNumber))
                .orElseThrow(() -> new BillingException("There is no posted invoice %s for order %s."
                        .formatted(number, orderNumber)));
        List<Map<String, Object>> entries = invoice.getLines().stream()
                .flatMap(line -> line.getAllocations().stream())
                .map(PrepareCreditDelegate::choice)
                .toList();
        execution.setVariable(InvoicingVariables.INVOICE_ID, invoice.getId());
        execution.setVariable(InvoicingVariables.INVOICE_TOTAL, InvoicingVariables.total(invoice, company));
        // A JSON variable, which Tasklist hands to the form's checklist as its options.
        execution.setVariable(InvoicingVariables.CREDITABLE_ENTRIES, Spin.JSON(entries));
    }

    private static Map<String, Object> choice(BillingAllocation allocation) {
        var entry = allocation.getEntry();
        return Map.of("value", entry.getId(), "label", "%s · %s · %s · %s".formatted(entry.getWorkDate(),
                entry.getEmployee().getName(), HoursAndMinutes.withDecimal(allocation.getMinutes()),
                entry.getDescription()));
    }
}

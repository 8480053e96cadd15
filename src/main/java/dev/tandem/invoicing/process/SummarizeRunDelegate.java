package dev.tandem.invoicing.process;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.common.Company;
import dev.tandem.invoicing.InvoiceRepository;

/** The run's result for accounting: every invoice posted and sent, with its customer and total. */
@Component("summarizeRun")
class SummarizeRunDelegate implements JavaDelegate {

    private final InvoiceRepository invoices;
    private final Company company;

    SummarizeRunDelegate(InvoiceRepository invoices, Company company) {
        this.invoices = invoices;
        this.company = company;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        List<Long> ids = (List<Long>) execution.getVariable(InvoiceRunProcess.INVOICE_IDS);
        execution.setVariable(InvoiceRunProcess.SUMMARY, ids.isEmpty() ? "No invoice was created." : invoices
                .findAllById(ids).stream()
                .map(invoice -> "- %s, %s (%s): %s".formatted(invoice.getNumber(), invoice.getCustomer().getName(),
                        invoice.getOrigin(), InvoicingVariables.total(invoice, company)))
                .sorted()
                .collect(Collectors.joining("\n")));
    }
}

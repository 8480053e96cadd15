package dev.tandem.invoicing.process;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.common.BillingException;
import dev.tandem.common.Company;
import dev.tandem.common.FormValues;
import dev.tandem.common.StepOutcome;
import dev.tandem.invoicing.DownPayment;
import dev.tandem.invoicing.DownPayments;
import dev.tandem.invoicing.Invoice;
import dev.tandem.invoicing.InvoicingService;
import dev.tandem.sales.SalesOrderRepository;

/**
 * Issues an invoice at once (draft and post): the order's regular invoice, deducting posted down
 * payments, or a down payment. A refusal goes back to accounting as a BPMN error with the reason.
 */
@Component("issueInvoice")
class IssueInvoiceDelegate implements JavaDelegate {

    private final InvoicingService invoicing;
    private final Company company;
    private final SalesOrderRepository orders;

    IssueInvoiceDelegate(InvoicingService invoicing, Company company, SalesOrderRepository orders) {
        this.orders = orders;
        this.invoicing = invoicing;
        this.company = company;
    }

    @Override
    public void execute(DelegateExecution execution) {
        InvoicingService.Issued issued = invoicing.issue(orders.ofInstance(execution.getProcessBusinessKey()).getId(),
                InvoicingVariables.DOWN_PAYMENT.equals(execution.getVariable(InvoicingVariables.INVOICE_KIND))
                        ? downPayment(execution) : null);
        Invoice posted = issued.invoice();
        execution.setVariable(InvoicingVariables.INVOICE_ID, posted.getId());
        execution.setVariable(InvoicingVariables.INVOICE_NUMBER, posted.getNumber());
        execution.setVariable(InvoicingVariables.INVOICE_TOTAL, InvoicingVariables.total(posted, company));
        execution.setVariable(InvoicingVariables.FULLY_INVOICED, issued.fullyInvoiced());
        InvoicingVariables.DOWN_PAYMENT_FIELDS.forEach(execution::removeVariable);
        StepOutcome.tell(execution, InvoicingVariables.posted(posted, company));
    }

    private static DownPayment downPayment(DelegateExecution execution) {
        BigDecimal value = FormValues.decimal(execution.getVariable(InvoicingVariables.DOWN_PAYMENT_VALUE),
                "The down payment");
        if (value == null) {
            throw new BillingException(DownPayments.NOT_POSITIVE);
        }
        Object kind = execution.getVariable(InvoicingVariables.DOWN_PAYMENT_KIND);
        if (!"PERCENTAGE".equals(kind) && !"FIXED".equals(kind)) {
            throw new BillingException("Say whether the down payment is a percentage or a fixed amount.");
        }
        return new DownPayment(DownPayment.Kind.valueOf((String) kind), value);
    }
}

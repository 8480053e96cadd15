package dev.tandem.sales.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.common.Company;
import dev.tandem.sales.SalesOrder;
import dev.tandem.sales.SalesOrderRepository;

/**
 * Names the process after its quotation (business key: the quotation's number) and puts what the
 * quotation offers on it for the salesperson's forms: the customer, one line per order line, and
 * the total tax included.
 */
@Component("describeQuotation")
class DescribeQuotationDelegate implements JavaDelegate {

    private final SalesOrderRepository orders;
    private final Company company;

    DescribeQuotationDelegate(SalesOrderRepository orders, Company company) {
        this.orders = orders;
        this.company = company;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = execution.getProcessBusinessKey();
        if (number == null) {
            // Called by Prepaid support, which passes nothing down (models map no variables):
            // the quotation is the one its order's process just created.
            number = (String) execution.getSuperExecution().getVariable(PrepaidSupportProcess.QUOTATION_NUMBER);
            execution.setProcessBusinessKey(number);
        }
        SalesOrder quotation = orders.ofInstance(number);
        execution.setVariable(PrepaidSupportProcess.QUOTATION_NUMBER, number);
        execution.setVariable(PrepaidSupportProcess.CUSTOMER_NAME, quotation.getCustomer().getName());
        execution.setVariable(QuotationProcess.ORDER_NUMBER, number);
        execution.setVariable(QuotationProcess.QUOTATION_SUMMARY, quotation.summary());
        execution.setVariable(QuotationProcess.QUOTATION_TOTAL, "%s %s".formatted(
                quotation.ordered().total().toPlainString(), company.currency()));
    }
}

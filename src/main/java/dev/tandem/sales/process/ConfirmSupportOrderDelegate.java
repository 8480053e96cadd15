package dev.tandem.sales.process;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import dev.tandem.catalog.Product;
import dev.tandem.common.Company;
import dev.tandem.common.FormValues;
import dev.tandem.sales.SalesOrder;
import dev.tandem.sales.SalesOrderService;

/**
 * Turns the salesperson's start form into a confirmed order of support hours. The model says which
 * billing policy the product must have (input {@code billingPolicy}); a refusal fails the start, so
 * the salesperson reads why in Tasklist and no instance is left behind.
 */
@Component("confirmSupportOrder")
class ConfirmSupportOrderDelegate implements JavaDelegate {

    static final String BILLING_POLICY = "billingPolicy";
    static final String ORDER_TOTAL = "orderTotal";

    private final SalesOrderService orders;
    private final Company company;

    ConfirmSupportOrderDelegate(SalesOrderService orders, Company company) {
        this.orders = orders;
        this.company = company;
    }

    /** Who sold: the person starting the process, never a name sent with it. */
    private static String salesperson(DelegateExecution execution) {
        Authentication person = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return person == null ? null : person.getUserId();
    }

    @Override
    public void execute(DelegateExecution execution) {
        String quoted = (String) execution.getVariable(PrepaidSupportProcess.QUOTATION_NUMBER);
        SalesOrder order = quoted != null ? orders.confirmQuotedHours(quoted)
                : orders.confirmSupportOrder(new SalesOrderService.SupportOrder(
                        FormValues.text(execution.getVariable(PrepaidSupportProcess.CUSTOMER_NAME)),
                        FormValues.text(execution.getVariable(PrepaidSupportProcess.PRODUCT_CODE)),
                        FormValues.decimal(execution.getVariable(PrepaidSupportProcess.ORDERED_HOURS), "The hours"),
                        FormValues.decimal(execution.getVariable(PrepaidSupportProcess.UNIT_PRICE), "The price"),
                        FormValues.text(execution.getVariable(PrepaidSupportProcess.ITEM_CODE)),
                        FormValues.decimal(execution.getVariable(PrepaidSupportProcess.ITEM_QUANTITY), "The quantity"),
                        Product.BillingPolicy.valueOf((String) execution.getVariable(BILLING_POLICY)),
                        salesperson(execution)));
        // What the rest of the process reads: the order, its hours line, customer and total.
        execution.setProcessBusinessKey(order.getNumber());
        execution.setVariable(PrepaidSupportProcess.ORDER_ID, order.getId());
        execution.setVariable(PrepaidSupportProcess.ORDER_NUMBER, order.getNumber());
        execution.setVariable(PrepaidSupportProcess.ORDER_LINE_ID, order.hoursLine().getId());
        execution.setVariable(PrepaidSupportProcess.CUSTOMER_NAME, order.getCustomer().getName());
        execution.setVariable(ORDER_TOTAL, "%s %s".formatted(order.ordered().total().toPlainString(), company.currency()));
    }
}

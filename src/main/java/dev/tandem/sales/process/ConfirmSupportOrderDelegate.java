package dev.tandem.sales.process;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import dev.tandem.catalog.Customer;
import dev.tandem.catalog.CustomerRepository;
import dev.tandem.catalog.Product;
import dev.tandem.catalog.ProductRepository;
import dev.tandem.common.BillingException;
import dev.tandem.common.Company;
import dev.tandem.common.FormValues;
import dev.tandem.sales.SalesOrder;
import dev.tandem.sales.SalesOrderLine;
import dev.tandem.sales.SalesOrderRepository;
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
    private final CustomerRepository customers;
    private final ProductRepository products;
    private final Company company;
    private final SalesOrderRepository quotations;

    ConfirmSupportOrderDelegate(SalesOrderService orders, CustomerRepository customers, ProductRepository products,
                                Company company, SalesOrderRepository quotations) {
        this.quotations = quotations;
        this.orders = orders;
        this.customers = customers;
        this.products = products;
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
        if (quoted != null) {
            confirmQuotation(execution, quoted);
            return;
        }
        String customerName = FormValues.text(execution.getVariable(PrepaidSupportProcess.CUSTOMER_NAME));
        String productCode = FormValues.text(execution.getVariable(PrepaidSupportProcess.PRODUCT_CODE));
        BigDecimal hours = FormValues.decimal(execution.getVariable(PrepaidSupportProcess.ORDERED_HOURS), "The hours");
        BigDecimal price = FormValues.decimal(execution.getVariable(PrepaidSupportProcess.UNIT_PRICE), "The price");
        Product.BillingPolicy policy = Product.BillingPolicy.valueOf((String) execution.getVariable(BILLING_POLICY));

        Customer customer = customers.named(customerName);
        Product product = products.coded(productCode);
        if (product.getBillingPolicy() != policy || product.getUnit() != Product.Unit.HOUR) {
            throw new BillingException("Product %s is not sold as %s hours.".formatted(product.getCode(),
                    policy == Product.BillingPolicy.PREPAID ? "prepaid" : "timesheet"));
        }
        if (hours == null || hours.signum() <= 0) {
            throw new BillingException("The ordered hours must be positive.");
        }

        String itemCode = FormValues.text(execution.getVariable(PrepaidSupportProcess.ITEM_CODE));
        Product item = itemCode == null ? null : products.coded(itemCode);
        BigDecimal itemQuantity = FormValues.decimal(execution.getVariable(PrepaidSupportProcess.ITEM_QUANTITY),
                "The quantity");

        SalesOrder order = orders.createQuotation(customer.getId(),
                salesperson(execution), null);
        SalesOrderLine line = orders.addLine(order.getId(), product.getId(), hours, price);
        if (item != null) {
            if (itemQuantity == null || itemQuantity.signum() <= 0) {
                throw new BillingException("Say how many of %s are sold.".formatted(item.getCode()));
            }
            orders.addLine(order.getId(), item.getId(), itemQuantity, null);
        }
        orders.confirm(order.getId());
        started(execution, order, line);
    }

    /**
     * The customer accepted a quotation of more prepaid hours (the Quotation process started this
     * one with its number, never a person): it is confirmed as it was offered.
     */
    private void confirmQuotation(DelegateExecution execution, String number) {
        SalesOrder quotation = quotations.numbered(number);
        SalesOrderLine line = quotation.hoursLine();
        if (line.getProduct().getBillingPolicy() != Product.BillingPolicy.PREPAID) {
            throw new BillingException("Quotation %s sells no prepaid hours.".formatted(number));
        }
        orders.confirm(quotation.getId());
        started(execution, quotation, line);
    }

    /** What the rest of the process reads: the order, its hours line, customer and total. */
    private void started(DelegateExecution execution, SalesOrder order, SalesOrderLine line) {
        Customer customer = order.getCustomer();
        BigDecimal total = order.ordered().total();
        execution.setProcessBusinessKey(order.getNumber());
        execution.setVariable(PrepaidSupportProcess.ORDER_ID, order.getId());
        execution.setVariable(PrepaidSupportProcess.ORDER_NUMBER, order.getNumber());
        execution.setVariable(PrepaidSupportProcess.ORDER_LINE_ID, line.getId());
        execution.setVariable(PrepaidSupportProcess.CUSTOMER_NAME, customer.getName());
        execution.setVariable(ORDER_TOTAL, "%s %s".formatted(total.toPlainString(), company.currency()));
    }
}

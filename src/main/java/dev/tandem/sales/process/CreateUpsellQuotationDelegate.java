package dev.tandem.sales.process;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.common.BillingException;
import dev.tandem.common.FormValues;
import dev.tandem.sales.SalesOrder;
import dev.tandem.sales.SalesOrderLine;
import dev.tandem.sales.SalesOrderLineRepository;
import dev.tandem.sales.SalesOrderService;

/**
 * The salesperson's proposal: a new quotation for more hours of the same product and price. Bad
 * input fails the task's completion with the message, and the task stays as it was.
 */
@Component("createUpsellQuotation")
class CreateUpsellQuotationDelegate implements JavaDelegate {

    private final SalesOrderService orders;
    private final SalesOrderLineRepository lines;

    CreateUpsellQuotationDelegate(SalesOrderService orders, SalesOrderLineRepository lines) {
        this.orders = orders;
        this.lines = lines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        BigDecimal hours = FormValues.decimal(execution.getVariable(PrepaidSupportProcess.ADDITIONAL_HOURS),
                "The additional hours");
        if (hours == null || hours.signum() <= 0) {
            throw new BillingException("The additional hours must be positive.");
        }
        SalesOrderLine line = lines.findById((Long) execution.getVariable(PrepaidSupportProcess.ORDER_LINE_ID))
                .orElseThrow();
        SalesOrder quotation = orders.createQuotation(line.getOrder().getCustomer().getId(),
                line.getOrder().getSalesperson(), null);
        orders.addLine(quotation.getId(), line.getProduct().getId(), hours, line.getUnitPrice());
        execution.setVariable(PrepaidSupportProcess.QUOTATION_NUMBER, quotation.getNumber());
    }
}

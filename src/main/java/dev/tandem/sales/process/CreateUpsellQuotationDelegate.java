package dev.tandem.sales.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.common.FormValues;
import dev.tandem.sales.SalesOrder;
import dev.tandem.sales.SalesOrderService;

/**
 * The salesperson's proposal: a new quotation for more hours of the same product and price. Bad
 * input fails the task's completion with the message, and the task stays as it was.
 */
@Component("createUpsellQuotation")
class CreateUpsellQuotationDelegate implements JavaDelegate {

    private final SalesOrderService orders;

    CreateUpsellQuotationDelegate(SalesOrderService orders) {
        this.orders = orders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SalesOrder quotation = orders.proposeMoreHours((Long) execution.getVariable(PrepaidSupportProcess.ORDER_LINE_ID),
                FormValues.decimal(execution.getVariable(PrepaidSupportProcess.ADDITIONAL_HOURS), "The additional hours"));
        execution.setVariable(PrepaidSupportProcess.QUOTATION_NUMBER, quotation.getNumber());
    }
}

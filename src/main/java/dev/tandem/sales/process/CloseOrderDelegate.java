package dev.tandem.sales.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.invoicing.process.InvoicingVariables;
import dev.tandem.sales.SalesOrderService;

/** Ends the support period: the order is locked, no more time or invoices on it. */
@Component("closeOrder")
class CloseOrderDelegate implements JavaDelegate {

    private final SalesOrderService orders;

    CloseOrderDelegate(SalesOrderService orders) {
        this.orders = orders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        orders.lock((Long) execution.getVariable(InvoicingVariables.ORDER_ID));
    }
}

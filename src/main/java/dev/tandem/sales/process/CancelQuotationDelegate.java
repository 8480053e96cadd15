package dev.tandem.sales.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.sales.SalesOrder;
import dev.tandem.sales.SalesOrderRepository;
import dev.tandem.sales.SalesOrderService;

/** Not sold (dropped by the salesperson or declined by the customer): the quotation is cancelled. */
@Component("cancelQuotation")
class CancelQuotationDelegate implements JavaDelegate {

    private final SalesOrderRepository orders;
    private final SalesOrderService salesOrders;

    CancelQuotationDelegate(SalesOrderRepository orders, SalesOrderService salesOrders) {
        this.orders = orders;
        this.salesOrders = salesOrders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SalesOrder quotation = orders.ofInstance(execution.getProcessBusinessKey());
        if (quotation.getState() == SalesOrder.State.QUOTATION) {
            salesOrders.cancelQuotation(quotation.getId());
        }
    }
}

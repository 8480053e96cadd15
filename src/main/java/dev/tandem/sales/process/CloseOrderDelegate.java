package dev.tandem.sales.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.sales.SalesOrderRepository;
import dev.tandem.sales.SalesOrderService;

/** Ends the support period: the order is locked, no more time or invoices on it. */
@Component("closeOrder")
class CloseOrderDelegate implements JavaDelegate {

    private final SalesOrderService orders;
    private final SalesOrderRepository ordersByNumber;

    CloseOrderDelegate(SalesOrderService orders, SalesOrderRepository ordersByNumber) {
        this.orders = orders;
        this.ordersByNumber = ordersByNumber;
    }

    @Override
    public void execute(DelegateExecution execution) {
        orders.lock(ordersByNumber.ofInstance(execution.getProcessBusinessKey()).getId());
    }
}

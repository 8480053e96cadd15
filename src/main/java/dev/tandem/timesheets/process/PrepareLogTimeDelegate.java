package dev.tandem.timesheets.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.sales.SalesOrder;
import dev.tandem.sales.SalesOrderLine;
import dev.tandem.sales.SalesOrderRepository;

/**
 * Finds the order's hourly service line for the task's form. An unknown order refuses the start
 * itself, so the person sees why in Tasklist and no instance is left behind.
 */
@Component("prepareLogTime")
class PrepareLogTimeDelegate implements JavaDelegate {

    private final SalesOrderRepository orders;

    PrepareLogTimeDelegate(SalesOrderRepository orders) {
        this.orders = orders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = String.valueOf(execution.getVariable(LogTimeProcess.ORDER_NUMBER)).strip();
        SalesOrder order = orders.numbered(number);
        SalesOrderLine line = order.hoursLine();
        execution.setProcessBusinessKey(order.getNumber());
        execution.setVariable(LogTimeProcess.ORDER_LINE_ID, line.getId());
        execution.setVariable(LogTimeProcess.CUSTOMER_NAME, order.getCustomer().getName());
        execution.setVariable(LogTimeProcess.LINE_DESCRIPTION, line.getDescription());
    }
}

package dev.tandem.sales.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import dev.tandem.sales.SalesOrderRepository;

/**
 * A quotation's steps go straight to the salesperson of its order (an administrator can hand one to
 * another member of sales); a quotation without a salesperson waits for the sales group.
 */
@Component("assignSalesperson")
class AssignSalespersonListener implements TaskListener {

    private final SalesOrderRepository orders;

    AssignSalespersonListener(SalesOrderRepository orders) {
        this.orders = orders;
    }

    @Override
    public void notify(DelegateTask task) {
        String salesperson = orders.ofInstance(task.getExecution().getProcessBusinessKey()).getSalesperson();
        if (salesperson != null) {
            task.setAssignee(salesperson);
        }
    }
}

package dev.tandem.fieldservice.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.catalog.Customer;
import dev.tandem.catalog.CustomerRepository;
import dev.tandem.catalog.Employee;
import dev.tandem.catalog.EmployeeRepository;
import dev.tandem.common.BillingException;
import dev.tandem.common.FormValues;
import dev.tandem.fieldservice.FieldTask;
import dev.tandem.fieldservice.FieldTaskService;
import dev.tandem.sales.SalesOrder;
import dev.tandem.sales.SalesOrderRepository;
import dev.tandem.common.Groups;

/** Plans the intervention from the start form; a refusal fails the start with its message. */
@Component("planIntervention")
class PlanInterventionDelegate implements JavaDelegate {

    private final FieldTaskService fieldTasks;
    private final CustomerRepository customers;
    private final EmployeeRepository employees;
    private final SalesOrderRepository orders;

    PlanInterventionDelegate(FieldTaskService fieldTasks, CustomerRepository customers, EmployeeRepository employees,
                             SalesOrderRepository orders) {
        this.fieldTasks = fieldTasks;
        this.customers = customers;
        this.employees = employees;
        this.orders = orders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String customerName = FormValues.text(execution.getVariable(FieldServiceProcess.CUSTOMER_NAME));
        String orderNumber = FormValues.text(execution.getVariable(FieldServiceProcess.ORDER_NUMBER));
        String technician = FormValues.text(execution.getVariable(FieldServiceProcess.TECHNICIAN));
        Customer customer = customers.named(customerName);
        SalesOrder order = orders.numbered(orderNumber);
        Employee employee = employees.ofUser(technician);
        if (execution.getProcessEngineServices().getIdentityService().createUserQuery().userId(technician)
                .memberOfGroup(Groups.TECHNICIANS).count() == 0) {
            throw new BillingException("%s is not a technician: only technicians can be planned on site."
                    .formatted(technician));
        }
        FieldTask task = fieldTasks.plan(customer.getId(), order.getId(), employee.getId(),
                FormValues.text(execution.getVariable(FieldServiceProcess.SITE)),
                FormValues.text(execution.getVariable(FieldServiceProcess.DESCRIPTION)),
                FormValues.date(execution.getVariable(FieldServiceProcess.PLANNED_DATE), "The planned date"));
        execution.setProcessBusinessKey(task.getNumber());
        execution.setVariable(FieldServiceProcess.FIELD_TASK_NUMBER, task.getNumber());
    }
}

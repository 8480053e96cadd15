package dev.tandem;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.boot.test.context.TestComponent;

import dev.tandem.catalog.Customer;
import dev.tandem.fieldservice.process.FieldServiceProcess;
import dev.tandem.helpdesk.process.SupportTicketProcess;
import dev.tandem.invoicing.process.InvoiceRunProcess;
import dev.tandem.invoicing.process.InvoicingVariables;
import dev.tandem.invoicing.process.SendInvoiceProcess;
import dev.tandem.sales.process.PostpaidSupportProcess;
import dev.tandem.sales.process.PrepaidSupportProcess;
import dev.tandem.sales.process.QuotationProcess;
import dev.tandem.common.ActingUser;

/** Drives the support processes the way people do in Tasklist: start forms, claimed tasks, submitted forms. */
@TestComponent
public class SupportProcesses {

    public static final String TEAM = "Customer Care";
    public static final String TICKET_TITLE = "Mail server down";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ActingUser acting;
    private final ManagementService management;
    private final BillingFixtures fixtures;

    SupportProcesses(RuntimeService runtime, TaskService tasks, ActingUser acting, ManagementService management,
                     BillingFixtures fixtures) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.acting = acting;
        this.management = management;
        this.fixtures = fixtures;
    }

    /** Sam plans an intervention for Theo today, at a new customer on a new order billed on timesheets at 80. */
    public ProcessInstance interventionForTheo(String site, String description) {
        Customer customer = fixtures.customer();
        Long order = fixtures.confirmedOrder(customer, fixtures.postpaid("80"), "10");
        return startAs("sam", FieldServiceProcess.KEY, Map.of(
                FieldServiceProcess.CUSTOMER_NAME, customer.getName(),
                FieldServiceProcess.ORDER_NUMBER, fixtures.orderNumber(order),
                FieldServiceProcess.TECHNICIAN, "theo", FieldServiceProcess.SITE, site,
                FieldServiceProcess.DESCRIPTION, description,
                FieldServiceProcess.PLANNED_DATE, BillingFixtures.today().toString()));
    }

    public ProcessInstance sellPrepaid(String customer, String productCode, Number hours) {
        return startAs("sam", PrepaidSupportProcess.KEY, Map.of(PrepaidSupportProcess.CUSTOMER_NAME, customer,
                PrepaidSupportProcess.PRODUCT_CODE, productCode, PrepaidSupportProcess.ORDERED_HOURS, hours));
    }

    public ProcessInstance sellPostpaid(String customer, String productCode, Number hours) {
        return startAs("sam", PostpaidSupportProcess.KEY, Map.of(PrepaidSupportProcess.CUSTOMER_NAME, customer,
                PrepaidSupportProcess.PRODUCT_CODE, productCode, PrepaidSupportProcess.ORDERED_HOURS, hours));
    }

    /** A ticket; with an order number its time bills that order, else the customer's prepaid hours. */
    public ProcessInstance openTicket(String customer, String orderNumber) {
        Map<String, Object> form = new LinkedHashMap<>(Map.of(SupportTicketProcess.CUSTOMER_NAME, customer,
                SupportTicketProcess.TEAM_NAME, TEAM, SupportTicketProcess.TITLE, TICKET_TITLE));
        if (orderNumber != null) {
            form.put(SupportTicketProcess.ORDER_NUMBER, orderNumber);
        }
        return startAs("hannah", SupportTicketProcess.KEY, form);
    }

    public ProcessInstance startAs(String userId, String key, Map<String, Object> form) {
        return acting.as(userId, () -> runtime.startProcessInstanceByKey(key, form));
    }

    /** One row of the "Work on ticket" list, as the form submits it. */
    public static Map<String, Object> entry(String workDate, Number hours, String description) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(SupportTicketProcess.WORK_DATE, workDate);
        row.put(SupportTicketProcess.HOURS, hours);
        row.put(SupportTicketProcess.WORK_DESCRIPTION, description);
        return row;
    }

    /** Claims the waiting task of the instance as the user and submits the form. */
    public void complete(ProcessInstance instance, String userId, Map<String, Object> form) {
        String taskId = task(instance).getId();
        tasks.claim(taskId, userId);
        tasks.complete(taskId, form);
    }

    /** One round of "Work on ticket" per entry, the last one saying whether the ticket is resolved. */
    public void workOnTicket(ProcessInstance ticket, String userId, boolean resolved, List<Map<String, Object>> entries) {
        if (entries.isEmpty()) {
            complete(ticket, userId, Map.of(SupportTicketProcess.RESOLVED, resolved));
        }
        for (int i = 0; i < entries.size(); i++) {
            Map<String, Object> round = new LinkedHashMap<>(entries.get(i));
            round.put(SupportTicketProcess.RESOLVED, resolved && i == entries.size() - 1);
            complete(ticket, userId, round);
        }
    }

    /**
     * Alice invoices all delivered time of a post-paid order, approves and sends the invoice, then
     * chooses to credit it: the order waits at "Credit invoice". Returns the invoice's number.
     */
    public String invoiceThenAskToCredit(ProcessInstance order) {
        complete(order, "alice", Map.of(PostpaidSupportProcess.ACTION, PostpaidSupportProcess.INVOICE));
        complete(order, "alice", Map.of(InvoicingVariables.REVIEW, InvoicingVariables.APPROVE));
        runJobs(order);
        String invoiceNumber = (String) runtime.getVariable(order.getId(), InvoicingVariables.INVOICE_NUMBER);
        complete(order, "alice", Map.of(PostpaidSupportProcess.ACTION, PostpaidSupportProcess.CREDIT,
                InvoicingVariables.CREDITED_INVOICE_NUMBER, invoiceNumber));
        return invoiceNumber;
    }

    /**
     * Accounting invoices a prepaid order of 10 hours, a ticket uses 12, and Sam proposes 5 more:
     * returns the Quotation process that the proposal started, waiting for Sam to send it.
     */
    public ProcessInstance proposeFiveMoreHours(ProcessInstance prepaidOrder, String customerName) {
        complete(prepaidOrder, "alice", Map.of(InvoicingVariables.INVOICE_KIND, InvoicingVariables.REGULAR));
        runJobs(prepaidOrder);
        ProcessInstance ticket = openTicket(customerName, null);
        workOnTicket(ticket, fixtures.employee().getUserId(), true,
                List.of(entry(BillingFixtures.today().toString(), 12, "Server move")));
        String propose = tasks.createTaskQuery().processInstanceId(prepaidOrder.getId())
                .taskDefinitionKey(PrepaidSupportProcess.USER_TASK_PROPOSE_HOURS).singleResult().getId();
        acting.as("sam", () -> {
            tasks.claim(propose, "sam");
            tasks.complete(propose, Map.of(PrepaidSupportProcess.PROPOSAL, PrepaidSupportProcess.QUOTATION,
                    PrepaidSupportProcess.ADDITIONAL_HOURS, 5));
            return null;
        });
        String number = (String) runtime.getVariable(prepaidOrder.getId(), PrepaidSupportProcess.QUOTATION_NUMBER);
        return runtime.createProcessInstanceQuery().processDefinitionKey(QuotationProcess.KEY)
                .processInstanceBusinessKey(number).singleResult();
    }

    /** Runs the instance's due asynchronous steps (print, send) as the job executor would, in order. */
    public void runJobs(ProcessInstance instance) {
        for (Job job = nextJob(instance); job != null; job = nextJob(instance)) {
            management.executeJob(job.getId());
        }
    }

    /**
     * Runs an invoice run as the job executor would: its chunks, the Send invoice process of each
     * invoice it posted, and its check that all are mailed, until it waits for a person.
     */
    public void runInvoiceRun(ProcessInstance run) {
        for (int round = 0; round < 5; round++) {
            runJobs(run);
            runtime.createProcessInstanceQuery().processDefinitionKey(SendInvoiceProcess.KEY)
                    .variableValueEquals(InvoiceRunProcess.RUN_NUMBER, run.getBusinessKey()).list()
                    .forEach(this::runJobs);
            Job wait = management.createJobQuery().processInstanceId(run.getId()).timers().singleResult();
            if (wait == null) {
                return;
            }
            management.executeJob(wait.getId());
        }
        throw new IllegalStateException("Invoice run %s still waits for its mail".formatted(run.getBusinessKey()));
    }

    /** Runs only the next asynchronous step. */
    public void runNextJob(ProcessInstance instance) {
        management.executeJob(nextJob(instance).getId());
    }

    private Job nextJob(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).messages().executable()
                .listPage(0, 1).stream().findFirst().orElse(null);
    }
}

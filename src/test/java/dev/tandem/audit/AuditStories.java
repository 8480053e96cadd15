package dev.tandem.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.boot.test.context.TestComponent;

import dev.tandem.BillingFixtures;
import dev.tandem.SupportProcesses;
import dev.tandem.TestClock;
import dev.tandem.catalog.Customer;
import dev.tandem.catalog.Employee;
import dev.tandem.fieldservice.Signatures;
import dev.tandem.fieldservice.process.FieldServiceProcess;
import dev.tandem.fieldservice.process.FieldTaskSteps;
import dev.tandem.helpdesk.process.SupportTicketProcess;
import dev.tandem.invoicing.process.InvoicingVariables;
import dev.tandem.sales.process.PostpaidSupportProcess;
import dev.tandem.common.ActingUser;
import dev.tandem.common.Groups;

/**
 * What auditors look into, made as people make it in Tasklist (each step in its person's name): a
 * post-paid order whose ticket time, 3 h and 1.5 h recorded by a new helpdesk colleague, is
 * invoiced by Alice, who approves the draft.
 */
@TestComponent
public class AuditStories {

    /** The invoice and the person who recorded its time. */
    public record BilledTicketTime(String invoiceNumber, Employee recordedBy, ProcessInstance order) {
    }

    private final BillingFixtures fixtures;
    private final SupportProcesses people;
    private final ActingUser acting;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final FieldTaskSteps steps;
    private final TestClock clock;

    AuditStories(BillingFixtures fixtures, SupportProcesses people, ActingUser acting, TaskService tasks,
                 RuntimeService runtime, IdentityService identity, FieldTaskSteps steps, TestClock clock) {
        this.identity = identity;
        this.steps = steps;
        this.clock = clock;
        this.fixtures = fixtures;
        this.people = people;
        this.acting = acting;
        this.tasks = tasks;
        this.runtime = runtime;
    }

    public BilledTicketTime fourAndAHalfHoursApprovedByAlice() {
        Customer customer = fixtures.customer();
        ProcessInstance order = people.sellPostpaid(customer.getName(), fixtures.postpaid("80").getCode(), 10);
        Employee employee = fixtures.employee();
        User user = identity.newUser(employee.getUserId());
        user.setFirstName(employee.getName());
        identity.saveUser(user);
        identity.createMembership(employee.getUserId(), Groups.HELPDESK);
        ProcessInstance ticket = people.openTicket(customer.getName(), order.getBusinessKey());
        String today = BillingFixtures.today().toString();
        Map<String, Object> first = SupportProcesses.entry(today, 3, "Restored the mail server");
        first.put(SupportTicketProcess.RESOLVED, false);
        as(employee.getUserId(), ticket, first);
        Map<String, Object> second = SupportProcesses.entry(today, 1.5, "Moved the mailboxes");
        second.put(SupportTicketProcess.RESOLVED, true);
        as(employee.getUserId(), ticket, second);
        as("alice", order, Map.of(PostpaidSupportProcess.ACTION, PostpaidSupportProcess.INVOICE,
                InvoicingVariables.DEDUCT_DOWN_PAYMENTS, false));
        as("alice", order, Map.of(InvoicingVariables.REVIEW, InvoicingVariables.APPROVE));
        people.runJobs(order);
        return new BilledTicketTime((String) runtime.getVariable(order.getId(), InvoicingVariables.INVOICE_NUMBER),
                employee, order);
    }

    /** Theo's intervention from plan to Mark as done, 40 minutes on site, signed by the customer. */
    public ProcessInstance finishedIntervention() {
        ProcessInstance intervention = people.interventionForTheo("Plant room", "Air filter");
        clock.set(Instant.now().minus(Duration.ofMinutes(40)));
        as("theo", intervention, Map.of());
        clock.reset();
        as("theo", intervention, Map.of(FieldServiceProcess.TIMER_ACTION, FieldServiceProcess.STOP));
        as("theo", intervention, Map.of(FieldServiceProcess.TIME_DESCRIPTION, "Replaced the air filter"));
        as("theo", intervention, Map.of(FieldServiceProcess.WORKSHEET_NOTES, "Filter replaced, airflow normal"));
        steps.sign(intervention.getBusinessKey(), "Dora Customer", Signatures.drawn(), "theo");
        people.runJobs(intervention);
        as("theo", intervention, Map.of(FieldServiceProcess.DONE_ACTION, FieldServiceProcess.DONE));
        return intervention;
    }

    /** Claims and completes the instance's waiting task in the person's name, as Tasklist does. */
    private void as(String userId, ProcessInstance instance, Map<String, Object> form) {
        String taskId = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
        acting.as(userId, () -> {
            tasks.claim(taskId, userId);
            tasks.complete(taskId, form);
            return taskId;
        });
    }
}

package dev.tandem.sales.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import dev.tandem.BillingFixtures;
import dev.tandem.SupportProcesses;
import dev.tandem.TandemIntegrationTest;
import dev.tandem.TestMailServer;
import dev.tandem.catalog.Customer;
import dev.tandem.catalog.Employee;
import dev.tandem.catalog.Product;
import dev.tandem.invoicing.BillingIntegrityCheck;
import dev.tandem.invoicing.process.InvoicingVariables;
import dev.tandem.outbox.OutboundMail;
import dev.tandem.outbox.OutboundMailRepository;
import dev.tandem.outbox.Outbox;
import dev.tandem.invoicing.InvoiceStatus;
import dev.tandem.invoicing.OrderFigures;
import dev.tandem.sales.SalesOrder;
import dev.tandem.sales.SalesOrderRepository;
import dev.tandem.timesheets.TimesheetEntryRepository;
import dev.tandem.timesheets.TimesheetService;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** Every path of processes/prepaid-support.bpmn, as sales and accounting work it in Tasklist. */
@TandemIntegrationTest
class PrepaidSupportProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired BillingFixtures fixtures;
    @Autowired SupportProcesses people;
    @Autowired OrderFigures figures;
    @Autowired SalesOrderRepository orders;
    @Autowired OutboundMailRepository outbox;
    @Autowired BillingIntegrityCheck integrity;
    @Autowired JavaMailSenderImpl mailSender;
    @Autowired TimesheetService timesheets;
    @Autowired TimesheetEntryRepository entries;

    private Customer customer;
    private Product prepaid;

    @BeforeEach
    void setUp() throws Exception {
        init(engine);
        customer = fixtures.customer();
        prepaid = fixtures.prepaid("100");
        TestMailServer.server().purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void ledgerStaysIntact() {
        assertThat(integrity.run().violations()).isEmpty();
    }

    private Long orderId(ProcessInstance instance) {
        return (Long) runtime.getVariable(instance.getId(), InvoicingVariables.ORDER_ID);
    }

    private void createInvoice(ProcessInstance instance, Map<String, Object> form) {
        people.complete(instance, "alice", form);
    }

    @Test
    void scenario01_02_soldHoursAreConfirmedInvoicedAndMailedToTheCustomerAsPdf() throws Exception {
        ProcessInstance instance = people.sellPrepaid(customer.getName(), prepaid.getCode(), 10);

        Long orderId = orderId(instance);
        assertThat(instance).hasBusinessKey(fixtures.orderNumber(orderId));
        assertThat(instance).isWaitingAt(PrepaidSupportProcess.USER_TASK_CREATE_INVOICE)
                .task().hasCandidateGroup("accounting");
        assertThat(instance).variables().containsEntry("orderTotal", "1000.00 EUR")
                .containsEntry("lineToInvoice", "10:00 h · 10.00 h").containsEntry("lineRemaining", "10:00 h · 10.00 h");
        assertThat(orders.findById(orderId).orElseThrow().getSalesperson()).isEqualTo("sam");
        assertThat(figures.ofOrder(orderId).status()).isEqualTo(InvoiceStatus.TO_INVOICE);

        createInvoice(instance, Map.of(InvoicingVariables.INVOICE_KIND, InvoicingVariables.REGULAR));
        assertThat(instance).isWaitingAt(PrepaidSupportProcess.SERVICE_TASK_PRINT_INVOICE);
        assertThat(figures.ofOrder(orderId).status()).isEqualTo(InvoiceStatus.INVOICED);
        people.runJobs(instance);

        assertThat(instance).isWaitingAt(PrepaidSupportProcess.USER_TASK_SUPPORT_PERIOD)
                .task().hasCandidateGroup("sales");
        String number = (String) runtime.getVariable(instance.getId(), InvoicingVariables.INVOICE_NUMBER);
        assertThat(number).matches("INV/\\d{4}/\\d{5}");
        MimeMessage mail = TestMailServer.server().getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(customer.getEmail());
        assertThat(mail.getSubject()).isEqualTo("Invoice %s from Tandem Services".formatted(number));
        var attachment = ((MimeMultipart) mail.getContent()).getBodyPart(1);
        assertThat(attachment.getFileName()).isEqualTo(number.replace('/', '-') + ".pdf");
        assertThat(attachment.getContentType()).startsWith("application/pdf");
        assertThat(attachment.getInputStream().readAllBytes()).startsWith("%PDF".getBytes());
    }

    @Test
    void aDownPaymentFirstBringsTheInvoiceTaskBackForTheRest() {
        ProcessInstance instance = people.sellPrepaid(customer.getName(), prepaid.getCode(), 10);

        createInvoice(instance, Map.of(InvoicingVariables.INVOICE_KIND, InvoicingVariables.DOWN_PAYMENT,
                InvoicingVariables.DOWN_PAYMENT_KIND, "PERCENTAGE", InvoicingVariables.DOWN_PAYMENT_VALUE, 30));
        people.runJobs(instance);
        assertThat(instance).hasPassed(PrepaidSupportProcess.SERVICE_TASK_SEND_INVOICE)
                .isWaitingAt(PrepaidSupportProcess.USER_TASK_CREATE_INVOICE);
        assertThat(instance).variables().containsEntry(InvoicingVariables.INVOICE_TOTAL, "300.00 EUR (invoice)");

        createInvoice(instance, Map.of(InvoicingVariables.INVOICE_KIND, InvoicingVariables.REGULAR));
        people.runJobs(instance);
        assertThat(instance).isWaitingAt(PrepaidSupportProcess.USER_TASK_SUPPORT_PERIOD);
        assertThat(instance).variables().containsEntry(InvoicingVariables.INVOICE_TOTAL, "700.00 EUR (invoice)");
        assertThat(TestMailServer.server().getReceivedMessages()).hasSize(2);
    }

    @Test
    void aRefusedInvoiceComesBackToAccountingWithTheReason() {
        ProcessInstance instance = people.sellPrepaid(customer.getName(), prepaid.getCode(), 10);

        createInvoice(instance, Map.of(InvoicingVariables.INVOICE_KIND, InvoicingVariables.DOWN_PAYMENT,
                InvoicingVariables.DOWN_PAYMENT_KIND, "FIXED", InvoicingVariables.DOWN_PAYMENT_VALUE, 0));

        assertThat(instance).isWaitingAt(PrepaidSupportProcess.USER_TASK_CREATE_INVOICE).variables()
                .containsEntry(InvoicingVariables.REFUSAL, "The value of the down payment amount must be positive.");
        assertThat(figures.ofOrder(orderId(instance)).status()).isEqualTo(InvoiceStatus.TO_INVOICE);
    }

    @Test
    void theSalespersonsProposalBesideTheMainLineLeavesAccountingsRefusalOnItsTask() {
        ProcessInstance instance = people.sellPrepaid(customer.getName(), prepaid.getCode(), 1);
        createInvoice(instance, Map.of(InvoicingVariables.INVOICE_KIND, InvoicingVariables.DOWN_PAYMENT,
                InvoicingVariables.DOWN_PAYMENT_KIND, "FIXED", InvoicingVariables.DOWN_PAYMENT_VALUE, 0));
        ProcessInstance ticket = people.openTicket(customer.getName(), null);
        people.workOnTicket(ticket, fixtures.employee().getUserId(), true,
                List.of(SupportProcesses.entry(BillingFixtures.today().toString(), 2, "Setup")));

        var propose = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(PrepaidSupportProcess.USER_TASK_PROPOSE_HOURS).singleResult();
        engine.getTaskService().claim(propose.getId(), "sam");
        engine.getTaskService().complete(propose.getId(), Map.of(PrepaidSupportProcess.PROPOSAL,
                PrepaidSupportProcess.NO_SALE, PrepaidSupportProcess.PROPOSAL_NOTE, "Not now"));

        assertThat(instance).isWaitingAt(PrepaidSupportProcess.USER_TASK_CREATE_INVOICE).variables()
                .containsEntry(InvoicingVariables.REFUSAL, "The value of the down payment amount must be positive.");
    }

    @Test
    void aStartWithAnUnknownCustomerIsRefusedAndLeavesNothing() {
        long before = orders.count();
        assertThatThrownBy(() -> people.sellPrepaid("Nobody Ltd", prepaid.getCode(), 10))
                .hasMessageContaining("Unknown customer Nobody Ltd.");
        assertThatThrownBy(() -> people.sellPrepaid(customer.getName(), fixtures.postpaid("80").getCode(), 10))
                .hasMessageContaining("is not sold as prepaid hours.");
        assertThat(orders.count()).isEqualTo(before);
    }

    @Test
    void scenario04_overdrawnHoursAskTheSalespersonOnceAndTheProposalBecomesAQuotation() {
        ProcessInstance instance = people.sellPrepaid(customer.getName(), prepaid.getCode(), 10);
        createInvoice(instance, Map.of(InvoicingVariables.INVOICE_KIND, InvoicingVariables.REGULAR));
        people.runJobs(instance);

        String worker = fixtures.employee().getUserId();
        ProcessInstance ticket = people.openTicket(customer.getName(), null);
        people.workOnTicket(ticket, worker, false, List.of(SupportProcesses.entry(BillingFixtures.today().toString(), 4, "Diagnosis")));
        assertThat(instance).isNotWaitingAt(PrepaidSupportProcess.USER_TASK_PROPOSE_HOURS);
        people.workOnTicket(ticket, worker, false, List.of(SupportProcesses.entry(BillingFixtures.today().toString(), 7, "Repair")));
        people.workOnTicket(ticket, worker, true, List.of(SupportProcesses.entry(BillingFixtures.today().toString(), 1, "Follow-up")));

        assertThat(instance).isWaitingAt(PrepaidSupportProcess.USER_TASK_PROPOSE_HOURS,
                PrepaidSupportProcess.USER_TASK_SUPPORT_PERIOD);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isOne();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(PrepaidSupportProcess.USER_TASK_PROPOSE_HOURS).count()).isOne();

        String proposeTask = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(PrepaidSupportProcess.USER_TASK_PROPOSE_HOURS).singleResult().getId();
        assertThat(engine.getTaskService().getVariable(proposeTask, "lineOverdrawn")).isEqualTo(true);
        assertThat(engine.getTaskService().getVariable(proposeTask, "lineRemaining")).isEqualTo("-1:00 h · -1.00 h");
        engine.getTaskService().claim(proposeTask, "sam");
        engine.getTaskService().complete(proposeTask, Map.of(PrepaidSupportProcess.PROPOSAL,
                PrepaidSupportProcess.QUOTATION, PrepaidSupportProcess.ADDITIONAL_HOURS, 5));

        assertThat(instance).as("the quotation goes to the customer (process Quotation)")
                .isWaitingAt(PrepaidSupportProcess.CALL_ACTIVITY_QUOTATION, PrepaidSupportProcess.USER_TASK_SUPPORT_PERIOD);
        String quotation = (String) runtime.getVariable(instance.getId(), PrepaidSupportProcess.QUOTATION_NUMBER);
        SalesOrder offer = orders.findByNumber(quotation).orElseThrow();
        assertThat(offer.getState()).isEqualTo(SalesOrder.State.QUOTATION);
        assertThat(figures.ofOrder(offer.getId()).lines().get(0).ordered()).isEqualByComparingTo("5");
    }

    private long proposeTasks(ProcessInstance instance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(PrepaidSupportProcess.USER_TASK_PROPOSE_HOURS).count();
    }

    @Test
    void scenario05_hoursDeliveredBeforeInvoicingStillBillTheOrderedHours() {
        ProcessInstance instance = people.sellPrepaid(customer.getName(), prepaid.getCode(), 10);
        String worker = fixtures.employee().getUserId();
        ProcessInstance ticket = people.openTicket(customer.getName(), null);
        people.workOnTicket(ticket, worker, true, List.of(
                SupportProcesses.entry(BillingFixtures.today().toString(), 4, "Diagnosis"),
                SupportProcesses.entry(BillingFixtures.today().toString(), 7, "Repair")));
        assertThat(figures.ofOrder(orderId(instance)).status()).isEqualTo(InvoiceStatus.TO_INVOICE);

        String createInvoice = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(PrepaidSupportProcess.USER_TASK_CREATE_INVOICE).singleResult().getId();
        engine.getTaskService().claim(createInvoice, "alice");
        engine.getTaskService().complete(createInvoice,
                Map.of(InvoicingVariables.INVOICE_KIND, InvoicingVariables.REGULAR));

        assertThat(instance).variables().containsEntry(InvoicingVariables.INVOICE_TOTAL, "1000.00 EUR (invoice)");
    }

    @Test
    void scenario07_correctingPrepaidTimeAfterThePostedInvoiceChangesDeliveredNotTheInvoice() {
        ProcessInstance instance = people.sellPrepaid(customer.getName(), prepaid.getCode(), 10);
        createInvoice(instance, Map.of(InvoicingVariables.INVOICE_KIND, InvoicingVariables.REGULAR));
        people.runJobs(instance);
        Long invoiceId = (Long) runtime.getVariable(instance.getId(), InvoicingVariables.INVOICE_ID);
        Employee employee = fixtures.employee();
        ProcessInstance ticket = people.openTicket(customer.getName(), null);
        people.workOnTicket(ticket, employee.getUserId(), true,
                List.of(SupportProcesses.entry(BillingFixtures.today().toString(), 4, "Audit")));
        Long entry = entries.findByTicketId((Long) engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(ticket.getId()).variableName("ticketId").singleResult().getValue()).get(0).getId();

        timesheets.change(entry, employee.getId(), BillingFixtures.today(), new BigDecimal("5"), fixtures.line(orderId(instance)));

        assertThat(figures.ofLine(fixtures.line(orderId(instance))).delivered()).isEqualByComparingTo("5");
        assertThat(fixtures.view(invoiceId).total()).isEqualByComparingTo("1000");
    }

    @Test
    void scenario06_withAThresholdOf80PercentTheSalespersonIsAskedAbove8Hours() {
        Product sensitive = fixtures.save(fixtures.prepaid("100").withUpsellThreshold("0.8"));
        ProcessInstance instance = people.sellPrepaid(customer.getName(), sensitive.getCode(), 10);
        String worker = fixtures.employee().getUserId();
        ProcessInstance ticket = people.openTicket(customer.getName(), null);

        people.workOnTicket(ticket, worker, false, List.of(SupportProcesses.entry(BillingFixtures.today().toString(), 8, "Rollout")));
        assertThat(proposeTasks(instance)).isZero();
        people.workOnTicket(ticket, worker, false, List.of(SupportProcesses.entry(BillingFixtures.today().toString(), 0.5, "Fix")));
        assertThat(proposeTasks(instance)).isOne();
    }

    @Test
    void aProposalWithoutASaleEndsWithTheReasonKept() {
        ProcessInstance instance = people.sellPrepaid(customer.getName(), prepaid.getCode(), 1);
        String worker = fixtures.employee().getUserId();
        ProcessInstance ticket = people.openTicket(customer.getName(), null);
        people.workOnTicket(ticket, worker, true, List.of(SupportProcesses.entry(BillingFixtures.today().toString(), 2, "Setup")));

        var task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(PrepaidSupportProcess.USER_TASK_PROPOSE_HOURS).singleResult();
        engine.getTaskService().claim(task.getId(), "sam");
        engine.getTaskService().complete(task.getId(), Map.of(PrepaidSupportProcess.PROPOSAL,
                PrepaidSupportProcess.NO_SALE, PrepaidSupportProcess.PROPOSAL_NOTE, "Customer moves to post-paid"));

        assertThat(instance).hasPassed(PrepaidSupportProcess.END_EVENT_NO_SALE)
                .variables().containsEntry(PrepaidSupportProcess.PROPOSAL_NOTE, "Customer moves to post-paid");
    }

    @Test
    void closingTheSupportPeriodLocksTheOrder() {
        ProcessInstance instance = people.sellPrepaid(customer.getName(), prepaid.getCode(), 10);
        createInvoice(instance, Map.of(InvoicingVariables.INVOICE_KIND, InvoicingVariables.REGULAR));
        people.runJobs(instance);

        Long orderId = orderId(instance);

        people.complete(instance, "sam", Map.of());

        assertThat(instance).hasPassed(PrepaidSupportProcess.SERVICE_TASK_CLOSE_ORDER).isEnded();
        assertThat(orders.findById(orderId).orElseThrow().getState()).isEqualTo(SalesOrder.State.LOCKED);
    }

    @Test
    void aMailServerOutageEndsAsAnIncidentAndTheMailIsSentOnceItIsBack() {
        ProcessInstance instance = people.sellPrepaid(customer.getName(), prepaid.getCode(), 10);
        createInvoice(instance, Map.of(InvoicingVariables.INVOICE_KIND, InvoicingVariables.REGULAR));
        people.runNextJob(instance);
        assertThat(instance).isWaitingAt(PrepaidSupportProcess.SERVICE_TASK_SEND_INVOICE);
        Long mailId = (Long) runtime.getVariable(instance.getId(), Outbox.MAIL_ID);
        Job send = management.createJobQuery().processInstanceId(instance.getId()).singleResult();

        int smtpPort = mailSender.getPort();
        mailSender.setPort(closedPort());
        int executions = 0;
        try {
            while (runtime.createIncidentQuery().processInstanceId(instance.getId()).count() == 0 && executions < 10) {
                assertThatThrownBy(() -> management.executeJob(send.getId()))
                        .hasStackTraceContaining("could not be sent");
                executions++;
            }
        } finally {
            mailSender.setPort(smtpPort);
        }
        assertThat(executions).isEqualTo(3);
        OutboundMail kept = outbox.findById(mailId).orElseThrow();
        assertThat(kept.getState()).isEqualTo(OutboundMail.State.PENDING);
        assertThat(kept.getAttempts()).isEqualTo(3);
        assertThat(kept.getLastError()).isNotBlank();
        assertThat(kept.getAttachment()).isNotEmpty();
        assertThat(TestMailServer.server().getReceivedMessages()).isEmpty();

        management.setJobRetries(send.getId(), 1);
        management.executeJob(send.getId());

        assertThat(instance).isWaitingAt(PrepaidSupportProcess.USER_TASK_SUPPORT_PERIOD);
        assertThat(TestMailServer.server().getReceivedMessages()).hasSize(1);
        assertThat(outbox.findById(mailId).orElseThrow().getState()).isEqualTo(OutboundMail.State.SENT);
        assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    /** A port nobody listens on: the mail server is "down". */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

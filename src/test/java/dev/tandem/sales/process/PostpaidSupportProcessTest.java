package dev.tandem.sales.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.tandem.BillingFixtures;
import dev.tandem.SupportProcesses;
import dev.tandem.TandemIntegrationTest;
import dev.tandem.TestMailServer;
import dev.tandem.catalog.Customer;
import dev.tandem.common.StepOutcome;
import dev.tandem.catalog.Employee;
import dev.tandem.catalog.Product;
import dev.tandem.invoicing.BillingIntegrityCheck;
import dev.tandem.invoicing.Invoice;
import dev.tandem.invoicing.InvoiceRepository;
import dev.tandem.invoicing.process.InvoicingVariables;
import dev.tandem.invoicing.InvoiceStatus;
import dev.tandem.invoicing.OrderFigures;
import dev.tandem.sales.SalesOrder;
import dev.tandem.sales.SalesOrderRepository;
import dev.tandem.timesheets.TimesheetService;

/** Every path of processes/postpaid-support.bpmn, with tickets delivering the time. */
@TandemIntegrationTest
class PostpaidSupportProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired InvoiceRepository invoices;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired BillingFixtures fixtures;
    @Autowired SupportProcesses people;
    @Autowired OrderFigures figures;
    @Autowired SalesOrderRepository orders;
    @Autowired BillingIntegrityCheck integrity;
    @Autowired TimesheetService timesheets;
    @Autowired FormService formService;

    private Customer customer;
    private Product postpaid;
    private ProcessInstance order;
    private String orderNumber;

    @BeforeEach
    void setUp() throws Exception {
        init(engine);
        customer = fixtures.customer();
        postpaid = fixtures.postpaid("80");
        TestMailServer.server().purgeEmailFromAllMailboxes();
        order = people.sellPostpaid(customer.getName(), postpaid.getCode(), 10);
        orderNumber = order.getBusinessKey();
    }

    @AfterEach
    void ledgerStaysIntact() {
        assertThat(integrity.run().violations()).isEmpty();
    }

    private Long orderId() {
        return (Long) runtime.getVariable(order.getId(), InvoicingVariables.ORDER_ID);
    }

    private void deliver(String... hours) {
        ProcessInstance ticket = people.openTicket(customer.getName(), orderNumber);
        List<Map<String, Object>> entries = Arrays.stream(hours)
                .map(h -> SupportProcesses.entry(BillingFixtures.today().toString(), Double.valueOf(h), "Support"))
                .toList();
        people.workOnTicket(ticket, fixtures.employee().getUserId(), true, entries);
        assertThat(ticket).isEnded();
    }

    private void invoiceDeliveredTime() {
        people.complete(order, "alice", Map.of(PostpaidSupportProcess.ACTION, PostpaidSupportProcess.INVOICE,
                InvoicingVariables.DEDUCT_DOWN_PAYMENTS, false));
    }

    @Test
    void scenario09_postpaidOrderCannotBeInvoicedBeforeTimeIsDeliveredTheTaskSaysWhyAtOnce() {
        assertThat(order).isWaitingAt(PostpaidSupportProcess.USER_TASK_INVOICE_DELIVERED_TIME)
                .task().hasCandidateGroup("accounting").hasName("Invoice delivered time · %s · %s"
                        .formatted(orderNumber, customer.getName()));
        assertThat(figures.ofOrder(orderId()).status()).isEqualTo(InvoiceStatus.NOTHING);

        invoiceDeliveredTime();

        // Back at once, with the reason next to figures that agree with it.
        assertThat(order).isWaitingAt(PostpaidSupportProcess.USER_TASK_INVOICE_DELIVERED_TIME).variables()
                .containsEntry("lineDelivered", "0:00 h · 0.00 h").doesNotContainKey(StepOutcome.VARIABLE);
        assertThat(runtime.createIncidentQuery().processInstanceId(order.getId()).count()).isZero();
        assertThat((String) runtime.getVariable(order.getId(), InvoicingVariables.REFUSAL))
                .contains("no time or material has been delivered yet");

        deliver("2");
        // The task never left; its form shows the delivered time as soon as it is opened.
        assertThat(formService.getTaskFormVariables(waitingTask().getId()).getValue("lineDelivered", String.class))
                .isEqualTo("2:00 h · 2.00 h");
        invoiceDeliveredTime();
        assertThat(order).isWaitingAt(PostpaidSupportProcess.USER_TASK_REVIEW_DRAFT);
        assertThat(runtime.getVariable(order.getId(), InvoicingVariables.REFUSAL)).as("the refusal is past").isNull();
    }

    private org.camunda.bpm.engine.task.Task waitingTask() {
        return tasks.createTaskQuery().processInstanceId(order.getId()).singleResult();
    }

    @Test
    void waitingForDeliveredTimeIsAChoiceWithAFollowUpDateTheTaskKeeps() {
        LocalDate nextWeek = BillingFixtures.today().plusDays(7);
        people.complete(order, "alice", Map.of(PostpaidSupportProcess.ACTION, PostpaidSupportProcess.WAIT,
                PostpaidSupportProcess.FOLLOW_UP_DATE, nextWeek.toString()));

        assertThat(order).hasPassed(PostpaidSupportProcess.SERVICE_TASK_WAIT)
                .isWaitingAt(PostpaidSupportProcess.USER_TASK_INVOICE_DELIVERED_TIME);
        assertThat(waitingTask().getFollowUpDate()).isEqualTo(Date.from(nextWeek.atTime(8, 0)
                .atZone(BillingFixtures.ZONE).toInstant()));
        assertThat((String) runtime.getVariable(order.getId(), StepOutcome.VARIABLE))
                .startsWith("Waiting for delivered time: this task stays here with %s as its follow-up date."
                        .formatted(nextWeek));

        String waiting = waitingTask().getId();
        for (String day : List.of(BillingFixtures.today().toString(), BillingFixtures.today().plusYears(2).toString())) {
            assertThatThrownBy(() -> people.complete(order, "alice", Map.of(PostpaidSupportProcess.ACTION,
                    PostpaidSupportProcess.WAIT, PostpaidSupportProcess.FOLLOW_UP_DATE, day)))
                    .hasMessageContaining("Choose the day to look again: after today and at most a year ahead.");
            assertThat(waitingTask().getId()).as("refused where it was chosen: the task is as it was").isEqualTo(waiting);
        }
    }

    @Test
    void scenario10_deliveredTimeIsDraftedReviewedPostedAndMailed() {
        deliver("3", "2.5");
        invoiceDeliveredTime();

        assertThat(order).isWaitingAt(PostpaidSupportProcess.USER_TASK_REVIEW_DRAFT)
                .variables().containsEntry(InvoicingVariables.INVOICE_TOTAL, "440.00 EUR (invoice)");
        people.complete(order, "alice", Map.of(InvoicingVariables.REVIEW, InvoicingVariables.APPROVE));
        people.runJobs(order);

        assertThat(order).hasPassed(PostpaidSupportProcess.SERVICE_TASK_POST_INVOICE,
                PostpaidSupportProcess.SERVICE_TASK_SEND_INVOICE)
                .isWaitingAt(PostpaidSupportProcess.USER_TASK_INVOICE_DELIVERED_TIME);
        assertThat(figures.ofLine(fixtures.line(orderId())).invoiced()).isEqualByComparingTo("5.5");
        assertThat(figures.ofLine(fixtures.line(orderId())).status()).isEqualTo(InvoiceStatus.NOTHING);
        assertThat(TestMailServer.server().getReceivedMessages()).hasSize(1);
        Long invoiceId = (Long) runtime.getVariable(order.getId(), InvoicingVariables.INVOICE_ID);
        assertThat(fixtures.view(invoiceId).number()).startsWith("INV/");
        assertThat(invoices.findById(invoiceId).orElseThrow().getApprovedBy()).isEqualTo("alice");
        assertThat((String) runtime.getVariable(order.getId(), StepOutcome.VARIABLE)).isEqualTo(
                "Invoice %s posted: 440.00 EUR (invoice), tax included. ".formatted(fixtures.view(invoiceId).number())
                        + "It is being printed and mailed to the customer; the Invoices page shows it.");
    }

    @Test
    void aDraftApprovedBySomebodyOutsideAccountingIsNotPosted() {
        deliver("2");
        invoiceDeliveredTime();
        String review = task(order).getId();
        tasks.claim(review, "sam");

        assertThatThrownBy(() -> tasks.complete(review, Map.of(InvoicingVariables.REVIEW, InvoicingVariables.APPROVE)))
                .hasMessageContaining("The approval of the draft of %s was not decided by accounting"
                        .formatted(order.getBusinessKey()));
        assertThat(task(order).getId()).isEqualTo(review);
    }

    @Test
    void scenario14_aCancelledDraftReleasesItsTimeForTheNextInvoice() {
        deliver("4");
        invoiceDeliveredTime();
        Long draftId = (Long) runtime.getVariable(order.getId(), InvoicingVariables.INVOICE_ID);

        people.complete(order, "alice", Map.of(InvoicingVariables.REVIEW, InvoicingVariables.CANCEL));

        assertThat(order).hasPassed(PostpaidSupportProcess.SERVICE_TASK_CANCEL_DRAFT)
                .isWaitingAt(PostpaidSupportProcess.USER_TASK_INVOICE_DELIVERED_TIME);
        assertThat(fixtures.view(draftId).state()).isEqualTo(Invoice.State.CANCELLED);
        assertThat(figures.ofLine(fixtures.line(orderId())).toInvoice()).isEqualByComparingTo("4");

        invoiceDeliveredTime();
        assertThat(order).isWaitingAt(PostpaidSupportProcess.USER_TASK_REVIEW_DRAFT)
                .variables().containsEntry(InvoicingVariables.INVOICE_TOTAL, "320.00 EUR (invoice)");
    }

    @Test
    void scenario12_aPeriodWithNothingInItComesStraightBackWithTheReason() {
        deliver("4");
        people.complete(order, "alice", Map.of(PostpaidSupportProcess.ACTION, PostpaidSupportProcess.INVOICE,
                InvoicingVariables.PERIOD_START, BillingFixtures.today().minusDays(16).toString(),
                InvoicingVariables.PERIOD_END, BillingFixtures.today().minusDays(10).toString()));

        assertThat(order).isWaitingAt(PostpaidSupportProcess.USER_TASK_INVOICE_DELIVERED_TIME);
        assertThat((String) runtime.getVariable(order.getId(), InvoicingVariables.REFUSAL)).contains("period");

        Map<String, Object> corrected = new HashMap<>();
        corrected.put(PostpaidSupportProcess.ACTION, PostpaidSupportProcess.INVOICE);
        corrected.put(InvoicingVariables.PERIOD_START, BillingFixtures.today().minusDays(1).toString());
        corrected.put(InvoicingVariables.PERIOD_END, null);
        people.complete(order, "alice", corrected);
        assertThat(order).isWaitingAt(PostpaidSupportProcess.USER_TASK_REVIEW_DRAFT)
                .variables().doesNotContainKeys(InvoicingVariables.PERIOD_START, InvoicingVariables.REFUSAL);
    }

    @Test
    void aBadDateIsRefusedWithTheReasonAndTheTaskStaysAsItWas() {
        deliver("1");
        String taskId = task(order).getId();

        assertThatThrownBy(() -> people.complete(order, "alice", Map.of(PostpaidSupportProcess.ACTION,
                PostpaidSupportProcess.INVOICE, InvoicingVariables.PERIOD_END, "last Friday")))
                .hasMessage("periodEnd must be a date like 2026-11-20, not last Friday.");
        assertThat(order).isWaitingAt(PostpaidSupportProcess.USER_TASK_INVOICE_DELIVERED_TIME);
        assertThat(task(order).getId()).isEqualTo(taskId);
        assertThat(runtime.getVariable(order.getId(), InvoicingVariables.PERIOD_END)).isNull();
    }

    @Test
    void aDownPaymentCanBeAskedBeforeAnyTimeIsDelivered() {
        people.complete(order, "alice", Map.of(PostpaidSupportProcess.ACTION, PostpaidSupportProcess.DOWN_PAYMENT,
                InvoicingVariables.DOWN_PAYMENT_KIND, "PERCENTAGE", InvoicingVariables.DOWN_PAYMENT_VALUE, 30));
        people.runJobs(order);

        assertThat(order).hasPassed(PostpaidSupportProcess.SERVICE_TASK_ISSUE_DOWN_PAYMENT,
                PostpaidSupportProcess.SERVICE_TASK_SEND_INVOICE)
                .isWaitingAt(PostpaidSupportProcess.USER_TASK_INVOICE_DELIVERED_TIME)
                .variables().containsEntry(InvoicingVariables.INVOICE_TOTAL, "240.00 EUR (invoice)");
        assertThat(TestMailServer.server().getReceivedMessages()).hasSize(1);
    }

    @Test
    void aRefusedDownPaymentComesBackWithTheReason() {
        people.complete(order, "alice", Map.of(PostpaidSupportProcess.ACTION, PostpaidSupportProcess.DOWN_PAYMENT,
                InvoicingVariables.DOWN_PAYMENT_KIND, "FIXED", InvoicingVariables.DOWN_PAYMENT_VALUE, -5));

        assertThat(order).isWaitingAt(PostpaidSupportProcess.USER_TASK_INVOICE_DELIVERED_TIME).variables()
                .containsEntry(InvoicingVariables.REFUSAL, "The value of the down payment amount must be positive.");
    }

    @Test
    void closingTheOrderEndsTheProcess() {
        Long orderId = orderId();
        people.complete(order, "alice", Map.of(PostpaidSupportProcess.ACTION, PostpaidSupportProcess.CLOSE));

        assertThat(order).hasPassed(PostpaidSupportProcess.SERVICE_TASK_CLOSE_ORDER).isEnded();
        assertThat(orders.findById(orderId).orElseThrow().getState()).isEqualTo(SalesOrder.State.LOCKED);
    }

    /** An order of 10 h at 100/h with 21 % tax (1 210 tax included), sold through the process. */
    private void sellTaxedOrder() {
        order = people.sellPostpaid(customer.getName(),
                fixtures.save(fixtures.postpaid("100").withTaxRate("21")).getCode(), 10);
        orderNumber = order.getBusinessKey();
    }

    private void askDownPayment(String kind, Number value) {
        people.complete(order, "alice", Map.of(PostpaidSupportProcess.ACTION, PostpaidSupportProcess.DOWN_PAYMENT,
                InvoicingVariables.DOWN_PAYMENT_KIND, kind, InvoicingVariables.DOWN_PAYMENT_VALUE, value));
        people.runJobs(order);
    }

    private void invoiceDeductingDownPayments() {
        people.complete(order, "alice", Map.of(PostpaidSupportProcess.ACTION, PostpaidSupportProcess.INVOICE,
                InvoicingVariables.DEDUCT_DOWN_PAYMENTS, true));
    }

    @Test
    void scenario17_aPercentageDownPaymentIsDeductedOnTheFinalInvoice() {
        sellTaxedOrder();
        askDownPayment("PERCENTAGE", 30);
        assertThat(order).variables().containsEntry(InvoicingVariables.INVOICE_TOTAL, "363.00 EUR (invoice)");

        deliver("12");
        invoiceDeductingDownPayments();

        assertThat(order).isWaitingAt(PostpaidSupportProcess.USER_TASK_REVIEW_DRAFT)
                .variables().containsEntry(InvoicingVariables.INVOICE_TOTAL, "1089.00 EUR (invoice)");
        people.complete(order, "alice", Map.of(InvoicingVariables.REVIEW, InvoicingVariables.APPROVE));
        people.runJobs(order);
        assertThat((String) runtime.getVariable(order.getId(), InvoicingVariables.INVOICE_NUMBER)).startsWith("INV/");
    }

    @Test
    void scenario18_aFixedDownPaymentHitsTheAmountToTheCent() {
        sellTaxedOrder();
        askDownPayment("FIXED", 500);

        assertThat(order).variables().containsEntry(InvoicingVariables.INVOICE_TOTAL, "500.00 EUR (invoice)");
        Long downPayment = (Long) runtime.getVariable(order.getId(), InvoicingVariables.INVOICE_ID);
        assertThat(fixtures.view(downPayment).untaxed()).isEqualByComparingTo("413.22");
        assertThat(fixtures.view(downPayment).tax()).isEqualByComparingTo("86.78");
    }

    @Test
    void scenario19_aDeductionLargerThanTheDeliveredTimeBecomesACreditNote() {
        sellTaxedOrder();
        askDownPayment("PERCENTAGE", 30);
        deliver("2");
        invoiceDeductingDownPayments();

        assertThat(order).variables().containsEntry(InvoicingVariables.INVOICE_TOTAL, "121.00 EUR (credit note)");
        people.complete(order, "alice", Map.of(InvoicingVariables.REVIEW, InvoicingVariables.APPROVE));
        people.runJobs(order);

        String number = (String) runtime.getVariable(order.getId(), InvoicingVariables.INVOICE_NUMBER);
        assertThat(number).startsWith("RINV/");
        assertThat(TestMailServer.server().getReceivedMessages()).extracting(message -> message.getSubject())
                .anyMatch(subject -> subject.startsWith("Credit note RINV/"));
        assertThat(order).as("the accountant's next form says what was posted")
                .isWaitingAt(PostpaidSupportProcess.USER_TASK_INVOICE_DELIVERED_TIME).variables()
                .containsEntry(StepOutcome.VARIABLE, "Credit note %s posted: 121.00 EUR (credit note), tax included. "
                        .formatted(number) + "It is being printed and mailed to the customer; the Invoices page shows it.");
    }

    @Test
    void afterAFullDownPaymentTheFinalInvoiceIsZeroSettlesTheOrderAndIsNotMailedAsABill() {
        order = people.sellPostpaid(customer.getName(),
                fixtures.save(fixtures.postpaid("85.50").withTaxRate("21")).getCode(), 10);
        orderNumber = order.getBusinessKey();
        askDownPayment("PERCENTAGE", 100);
        assertThat(order).variables().containsEntry(InvoicingVariables.INVOICE_TOTAL, "1034.55 EUR (invoice)");
        deliver("6", "4");

        invoiceDeductingDownPayments();
        assertThat(order).isWaitingAt(PostpaidSupportProcess.USER_TASK_REVIEW_DRAFT).variables().containsEntry(
                InvoicingVariables.INVOICE_TOTAL, "0.00 EUR (final statement: the down payments settle the order)");
        approveDraft();

        assertThat(lastInvoiceNumber()).startsWith("INV/");
        assertThat(TestMailServer.server().getReceivedMessages()).extracting(message -> message.getSubject())
                .containsExactly("Invoice " + firstInvoiceNumber() + " from Tandem Services",
                        "Order %s settled: final statement %s from Tandem Services".formatted(orderNumber,
                                lastInvoiceNumber()));
    }

    private String firstInvoiceNumber() {
        return invoices.findByOrdersNumberOrderById(orderNumber).stream().filter(invoice -> invoice.getNumber() != null)
                .map(Invoice::getNumber).sorted().findFirst().orElseThrow();
    }

    private void approveDraft() {
        people.complete(order, "alice", Map.of(InvoicingVariables.REVIEW, InvoicingVariables.APPROVE));
        people.runJobs(order);
    }

    private void credit(String invoiceNumber, List<Long> entryIds) {
        people.complete(order, "alice", Map.of(PostpaidSupportProcess.ACTION, PostpaidSupportProcess.CREDIT,
                InvoicingVariables.CREDITED_INVOICE_NUMBER, invoiceNumber));
        assertThat(order).isWaitingAt(PostpaidSupportProcess.USER_TASK_CREDIT_INVOICE);
        people.complete(order, "alice", Map.of(InvoicingVariables.CREDITED_ENTRIES, entryIds));
        people.runJobs(order);
    }

    private String lastInvoiceNumber() {
        return (String) runtime.getVariable(order.getId(), InvoicingVariables.INVOICE_NUMBER);
    }

    @Test
    void scenario11_timeOnADraftCannotChangeButItsDescriptionCan() {
        Employee employee = fixtures.employee();
        ProcessInstance ticket = people.openTicket(customer.getName(), orderNumber);
        people.workOnTicket(ticket, employee.getUserId(), true,
                List.of(SupportProcesses.entry(BillingFixtures.today().toString(), 3, "Support")));
        invoiceDeliveredTime();
        assertThat(order).isWaitingAt(PostpaidSupportProcess.USER_TASK_REVIEW_DRAFT);
        Long entry = fixtures.view((Long) runtime.getVariable(order.getId(), InvoicingVariables.INVOICE_ID))
                .lines().get(0).entryIds().get(0);

        assertThatThrownBy(() -> timesheets.change(entry, employee.getId(), BillingFixtures.today(),
                new BigDecimal("4"), fixtures.line(orderId())))
                .hasMessage("You cannot modify timesheets that are already invoiced.");
        assertThat(timesheets.describe(entry, "Restored the mail server").getDescription())
                .isEqualTo("Restored the mail server");
        approveDraft();
        assertThat(integrity.run().violations()).isEmpty();
    }

    @Test
    void scenario13_aPeriodBillsItsTimeAndOtherLinesInFull() {
        Product setupFee = fixtures.save(Product.service("SETUP-" + System.nanoTime(), "Set-up fee",
                Product.BillingPolicy.PREPAID, Product.Unit.UNIT, "50"));
        order = people.startAs("sam", PostpaidSupportProcess.KEY, Map.of(PrepaidSupportProcess.CUSTOMER_NAME,
                customer.getName(), PrepaidSupportProcess.PRODUCT_CODE, postpaid.getCode(),
                PrepaidSupportProcess.ORDERED_HOURS, 10, PrepaidSupportProcess.ITEM_CODE, setupFee.getCode(),
                PrepaidSupportProcess.ITEM_QUANTITY, 1));
        orderNumber = order.getBusinessKey();
        LocalDate lastMonth = BillingFixtures.today().minusDays(40);
        LocalDate thisMonth = BillingFixtures.today().minusDays(5);
        deliverOn(lastMonth, 5);
        deliverOn(thisMonth, 3);

        people.complete(order, "alice", Map.of(PostpaidSupportProcess.ACTION, PostpaidSupportProcess.INVOICE,
                InvoicingVariables.PERIOD_START, thisMonth.minusDays(2).toString(),
                InvoicingVariables.PERIOD_END, BillingFixtures.today().toString()));

        assertThat(order).variables().containsEntry(InvoicingVariables.INVOICE_TOTAL, "290.00 EUR (invoice)");
        approveDraft();
        assertThat(figures.ofLine(fixtures.line(orderId())).toInvoice()).isEqualByComparingTo("5");
    }

    private void deliverOn(LocalDate date, Number hours) {
        ProcessInstance ticket = people.openTicket(customer.getName(), orderNumber);
        people.workOnTicket(ticket, fixtures.employee().getUserId(), true,
                List.of(SupportProcesses.entry(date.toString(), hours, "Support")));
    }

    @Test
    void scenario15_aFullyCreditedInvoiceBillsItsTimeAgain() {
        deliver("10");
        invoiceDeliveredTime();
        approveDraft();
        String invoice = lastInvoiceNumber();

        credit(invoice, List.of());

        assertThat(lastInvoiceNumber()).startsWith("RINV/");
        assertThat(order).isWaitingAt(PostpaidSupportProcess.USER_TASK_INVOICE_DELIVERED_TIME);
        invoiceDeliveredTime();
        assertThat(order).variables().containsEntry(InvoicingVariables.INVOICE_TOTAL, "800.00 EUR (invoice)");
    }

    @Test
    void scenario16_aPartialCreditGivesBackExactlyTheTimeTicked() {
        deliver("4.5", "4.5");
        invoiceDeliveredTime();
        Long invoiceId = (Long) runtime.getVariable(order.getId(), InvoicingVariables.INVOICE_ID);
        approveDraft();
        Long creditedEntry = fixtures.view(invoiceId).lines().get(0).entryIds().get(0);

        credit(lastInvoiceNumber(), List.of(creditedEntry));

        assertThat(order).hasPassed(PostpaidSupportProcess.SERVICE_TASK_ISSUE_CREDIT_NOTE);
        assertThat(lastInvoiceNumber()).startsWith("RINV/");
        invoiceDeliveredTime();
        assertThat(order).variables().containsEntry(InvoicingVariables.INVOICE_TOTAL, "360.00 EUR (invoice)");
    }

    @Test
    void anAccountantWhoOpenedCreditInvoiceMayCreditNothingAfterAll() {
        deliver("10");
        invoiceDeliveredTime();
        approveDraft();
        String invoice = lastInvoiceNumber();
        int mails = TestMailServer.server().getReceivedMessages().length;

        people.complete(order, "alice", Map.of(PostpaidSupportProcess.ACTION, PostpaidSupportProcess.CREDIT,
                InvoicingVariables.CREDITED_INVOICE_NUMBER, invoice));
        people.complete(order, "alice", Map.of(InvoicingVariables.CREDIT_CHOICE, InvoicingVariables.NOTHING));
        people.runJobs(order);

        assertThat(order).hasNotPassed(PostpaidSupportProcess.SERVICE_TASK_ISSUE_CREDIT_NOTE)
                .isWaitingAt(PostpaidSupportProcess.USER_TASK_INVOICE_DELIVERED_TIME);
        assertThat(invoices.findByOrdersNumberOrderById(orderNumber)).as("no credit note")
                .extracting(Invoice::getNumber).containsExactly(invoice);
        assertThat(invoices.findByOrdersNumberOrderById(orderNumber).get(0).getCreditRequestedBy())
                .as("nobody asked for one").isNull();
        assertThat(TestMailServer.server().getReceivedMessages()).hasSize(mails);
    }

    @Test
    void creditingAnInvoiceOfAnotherOrderIsRefusedWithTheReason() {
        people.complete(order, "alice", Map.of(PostpaidSupportProcess.ACTION, PostpaidSupportProcess.CREDIT,
                InvoicingVariables.CREDITED_INVOICE_NUMBER, "INV/1999/00001"));

        assertThat(order).isWaitingAt(PostpaidSupportProcess.USER_TASK_INVOICE_DELIVERED_TIME).variables()
                .containsEntry(InvoicingVariables.REFUSAL,
                        "There is no posted invoice INV/1999/00001 for order %s.".formatted(orderNumber));
    }
}

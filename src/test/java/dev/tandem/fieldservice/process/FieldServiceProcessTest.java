package dev.tandem.fieldservice.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.tandem.BillingFixtures;
import dev.tandem.SupportProcesses;
import dev.tandem.TandemIntegrationTest;
import dev.tandem.TestClock;
import dev.tandem.catalog.Customer;
import dev.tandem.catalog.Employee;
import dev.tandem.catalog.Product;
import dev.tandem.inventory.InventoryService;
import dev.tandem.invoicing.BillingIntegrityCheck;
import dev.tandem.invoicing.InvoicingService;
import dev.tandem.invoicing.TimesheetsPeriod;

/** Every path of processes/field-service.bpmn, as the technician works it in Tasklist. */
@TandemIntegrationTest
class FieldServiceProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired TaskService tasks;
    @Autowired BillingFixtures fixtures;
    @Autowired SupportProcesses people;
    @Autowired InventoryService inventory;
    @Autowired InvoicingService invoicing;
    @Autowired BillingIntegrityCheck integrity;
    @Autowired TestClock clock;

    private final LocalDate yesterday = BillingFixtures.today().minusDays(1);
    private Customer customer;
    private Employee technician;
    private Long order;
    private Product cable;

    @BeforeEach
    void setUp() {
        init(engine);
        customer = fixtures.customer();
        technician = fixtures.employee();
        order = fixtures.confirmedOrder(customer, fixtures.postpaid("80"), "10");
        cable = fixtures.save(Product.storable("CABLE-" + System.nanoTime(), "Network cable", "25"));
        inventory.receive(cable.getId(), new BigDecimal("10"));
    }

    @AfterEach
    void realTimeAgainAndLedgerIntact() {
        clock.reset();
        assertThat(integrity.run().violations()).isEmpty();
    }

    private void at(String time) {
        clock.set(ZonedDateTime.of(yesterday, LocalTime.parse(time), BillingFixtures.ZONE).toInstant());
    }

    private ProcessInstance plan() {
        return people.startAs("sam", FieldServiceProcess.KEY, Map.of(
                FieldServiceProcess.CUSTOMER_NAME, customer.getName(),
                FieldServiceProcess.ORDER_NUMBER, fixtures.orderNumber(order),
                FieldServiceProcess.TECHNICIAN, technician.getUserId(),
                FieldServiceProcess.SITE, "Main office",
                FieldServiceProcess.DESCRIPTION, "Wi-Fi installation",
                FieldServiceProcess.PLANNED_DATE, yesterday.toString()));
    }

    /** The technician submits the form of the task waiting for them. */
    private void submit(ProcessInstance instance, Map<String, Object> form) {
        assertThat(task(instance).getAssignee()).isEqualTo(technician.getUserId());
        tasks.complete(task(instance).getId(), form);
    }

    private void timer(ProcessInstance instance, String action) {
        submit(instance, Map.of(FieldServiceProcess.TIMER_ACTION, action));
    }

    @Test
    void scenario23_anInterventionFromTimerToMarkAsDoneBillsTimeAndMaterial() {
        ProcessInstance instance = plan();
        assertThat(instance).isWaitingAt(FieldServiceProcess.USER_TASK_START_WORK).task()
                .isAssignedTo(technician.getUserId());
        assertThat(instance.getBusinessKey()).matches("F\\d{5}");

        at("09:00");
        submit(instance, Map.of());
        assertThat(instance).isWaitingAt(FieldServiceProcess.USER_TASK_TIMER_RUNNING);
        at("09:20");
        timer(instance, FieldServiceProcess.PAUSE);
        assertThat(instance).isWaitingAt(FieldServiceProcess.USER_TASK_TIMER_PAUSED)
                .variables().containsEntry(FieldServiceProcess.ELAPSED_MINUTES, 20L);
        at("09:30");
        timer(instance, FieldServiceProcess.RESUME);
        at("10:45");
        timer(instance, FieldServiceProcess.STOP);

        assertThat(instance).isWaitingAt(FieldServiceProcess.USER_TASK_CONFIRM_TIME).variables()
                .containsEntry(FieldServiceProcess.ACTUAL_MINUTES, 95)
                .containsEntry(FieldServiceProcess.BILLED_MINUTES, 105)
                .containsEntry(FieldServiceProcess.ROUNDING_RULE, "timer time billed at least 15 min, rounded up to 15 min");
        submit(instance, Map.of(FieldServiceProcess.TIME_DESCRIPTION, "Installed two access points"));

        Map<String, Object> worksheet = new HashMap<>();
        worksheet.put(FieldServiceProcess.WORKSHEET_NOTES, "Old switch replaced");
        worksheet.put(FieldServiceProcess.materialCode(1), cable.getCode());
        worksheet.put(FieldServiceProcess.materialQuantity(1), 2);
        worksheet.put(FieldServiceProcess.MORE_MATERIALS, false);
        submit(instance, worksheet);
        assertThat(instance).isWaitingAt(FieldServiceProcess.USER_TASK_MARK_AS_DONE)
                .variables().containsEntry(FieldServiceProcess.MATERIALS_USED, "2 × Network cable");
        assertThat(inventory.onHand(cable.getId())).isEqualByComparingTo("10");

        submit(instance, Map.of());

        assertThat(instance).hasPassed(FieldServiceProcess.END_EVENT_DONE).isEnded();
        assertThat(inventory.onHand(cable.getId())).isEqualByComparingTo("8");
        assertThat(invoicing.createInvoice(order, TimesheetsPeriod.ALL, false).getAmountTotal())
                .isEqualByComparingTo("190");
    }

    @Test
    void scenario22_startingWorkOnATaskPausesTheTechniciansTimerOnTheOtherOne() {
        ProcessInstance first = plan();
        ProcessInstance second = plan();
        at("08:00");
        submit(first, Map.of());
        at("08:30");

        submit(second, Map.of());

        assertThat(second).isWaitingAt(FieldServiceProcess.USER_TASK_TIMER_RUNNING);
        assertThat(first).isWaitingAt(FieldServiceProcess.USER_TASK_TIMER_PAUSED)
                .variables().containsEntry(FieldServiceProcess.ELAPSED_MINUTES, 30L);
    }

    @Test
    void refusedTimeMaterialsAndMarkAsDoneComeBackToTheTechnicianWithTheReason() {
        ProcessInstance instance = plan();
        at("09:00");
        submit(instance, Map.of());
        at("09:10");
        timer(instance, FieldServiceProcess.STOP);

        submit(instance, Map.of(FieldServiceProcess.TIME_DESCRIPTION, " "));
        assertThat(instance).isWaitingAt(FieldServiceProcess.USER_TASK_CONFIRM_TIME)
                .variables().containsKey(FieldServiceProcess.REFUSAL);
        submit(instance, Map.of(FieldServiceProcess.TIME_DESCRIPTION, "Checked the rack"));

        submit(instance, Map.of(FieldServiceProcess.materialCode(1), cable.getCode(),
                FieldServiceProcess.materialQuantity(1), 20, FieldServiceProcess.materialCode(2), "NOPE",
                FieldServiceProcess.materialQuantity(2), 1));
        assertThat(instance).isWaitingAt(FieldServiceProcess.USER_TASK_WORKSHEET)
                .variables().containsEntry(FieldServiceProcess.REFUSAL, "Unknown product NOPE.")
                .doesNotContainKey(FieldServiceProcess.MATERIALS_USED);
        submit(instance, Map.of(FieldServiceProcess.materialCode(1), cable.getCode(),
                FieldServiceProcess.materialQuantity(1), 20, FieldServiceProcess.materialCode(2), ""));

        submit(instance, Map.of());
        assertThat(instance).isWaitingAt(FieldServiceProcess.USER_TASK_MARK_AS_DONE).variables()
                .containsEntry(FieldServiceProcess.REFUSAL, "Not enough Network cable in stock: 10 on hand, 20 needed.");
        assertThat(inventory.onHand(cable.getId())).isEqualByComparingTo("10");
    }

    @Test
    void planningOnAnUnknownOrderIsRefusedAndLeavesNothing() {
        assertThatThrownBy(() -> people.startAs("sam", FieldServiceProcess.KEY, Map.of(
                FieldServiceProcess.CUSTOMER_NAME, customer.getName(), FieldServiceProcess.ORDER_NUMBER, "S99999",
                FieldServiceProcess.TECHNICIAN, technician.getUserId(), FieldServiceProcess.SITE, "Depot")))
                .hasMessageContaining("Unknown sales order S99999.");
    }
}

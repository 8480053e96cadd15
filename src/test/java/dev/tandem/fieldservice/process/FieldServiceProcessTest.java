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

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
import dev.tandem.TestMailServer;
import dev.tandem.fieldservice.Signatures;
import dev.tandem.catalog.Customer;
import dev.tandem.catalog.Employee;
import dev.tandem.catalog.Product;
import dev.tandem.inventory.InventoryService;
import dev.tandem.invoicing.BillingIntegrityCheck;
import dev.tandem.invoicing.InvoiceDocument;
import dev.tandem.invoicing.InvoicingService;
import dev.tandem.invoicing.TimesheetsPeriod;
import dev.tandem.invoicing.InvoiceStatus;
import dev.tandem.invoicing.OrderFigures;

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
    @Autowired FieldTaskSteps steps;
    @Autowired OrderFigures figures;
    @Autowired InvoiceDocument document;

    private final LocalDate yesterday = BillingFixtures.today().minusDays(1);
    private Customer customer;
    private Employee technician;
    private Long order;
    private Product cable;

    @BeforeEach
    void setUp() throws Exception {
        init(engine);
        customer = fixtures.customer();
        technician = fixtures.technician();
        order = fixtures.confirmedOrder(customer, fixtures.postpaid("80"), "10");
        cable = fixtures.save(Product.storable("CABLE-" + System.nanoTime(), "Network cable", "25"));
        inventory.receive(cable.getId(), new BigDecimal("10"));
        TestMailServer.server().purgeEmailFromAllMailboxes();
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
    void scenario23_anInterventionFromTimerToSignedReportAndMarkAsDoneBillsTimeAndMaterial() throws Exception {
        ProcessInstance instance = plan();
        assertThat(instance).isWaitingAt(FieldServiceProcess.USER_TASK_START_WORK).task()
                .isAssignedTo(technician.getUserId());
        assertThat(instance.getBusinessKey()).matches("F\\d{5}");
        assertThat(task(instance).getDueDate()).as("due by the end of the planned day").isEqualTo(
                java.util.Date.from(yesterday.atTime(23, 59).atZone(BillingFixtures.ZONE).toInstant()));

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
                .containsEntry(FieldServiceProcess.ROUNDING_RULE,
                        "Standard: quarter hours: timer time billed at least 15 min, rounded up to 15 min");
        submit(instance, Map.of(FieldServiceProcess.TIME_DESCRIPTION, "Installed two access points"));

        Map<String, Object> worksheet = new HashMap<>();
        worksheet.put(FieldServiceProcess.WORKSHEET_NOTES, "Old switch replaced");
        worksheet.put(FieldServiceProcess.materialCode(1), cable.getCode());
        worksheet.put(FieldServiceProcess.materialQuantity(1), 2);
        worksheet.put(FieldServiceProcess.MORE_MATERIALS, false);
        submit(instance, worksheet);
        assertThat(instance).isWaitingAt(FieldServiceProcess.USER_TASK_CUSTOMER_SIGNS)
                .variables().containsEntry(FieldServiceProcess.MATERIALS_USED, "2 × Network cable");

        submit(instance, Map.of());
        assertThat(instance).isWaitingAt(FieldServiceProcess.USER_TASK_CUSTOMER_SIGNS).variables().containsEntry(
                FieldServiceProcess.REFUSAL,
                "The customer has not signed the worksheet yet: open the signature page and let them sign.");

        steps.sign(instance.getBusinessKey(), "Ann Customer", Signatures.drawn(), technician.getUserId());
        assertThat(instance).isWaitingAt(FieldServiceProcess.SERVICE_TASK_PRINT_REPORT);
        people.runJobs(instance);

        assertThat(instance).hasPassed(FieldServiceProcess.SERVICE_TASK_SEND_REPORT)
                .isWaitingAt(FieldServiceProcess.USER_TASK_MARK_AS_DONE);
        MimeMessage mail = TestMailServer.server().getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(customer.getEmail());
        assertThat(mail.getSubject()).isEqualTo("Worksheet %s from Tandem Services".formatted(instance.getBusinessKey()));
        var attachment = ((MimeMultipart) mail.getContent()).getBodyPart(1);
        assertThat(attachment.getFileName()).isEqualTo("worksheet-%s.pdf".formatted(instance.getBusinessKey()));
        assertThat(attachment.getInputStream().readAllBytes()).startsWith("%PDF".getBytes());
        assertThat(inventory.onHand(cable.getId())).isEqualByComparingTo("10");

        submit(instance, Map.of(FieldServiceProcess.DONE_ACTION, FieldServiceProcess.DONE));

        assertThat(instance).hasPassed(FieldServiceProcess.END_EVENT_DONE).isEnded();
        assertThat(inventory.onHand(cable.getId())).isEqualByComparingTo("8");
        var invoice = invoicing.createInvoice(order, TimesheetsPeriod.ALL, false);
        assertThat(invoice.getAmountTotal()).isEqualByComparingTo("190");
        assertThat(document.html(invoice.getId())).as("the invoice names the rounding rule that billed the timer")
                .contains("Rounding of timer time: Standard: quarter hours: timer time billed at least 15 min, "
                        + "rounded up to 15 min.");
    }

    /** Scenario 23 up to the signed report, through the process. */
    private ProcessInstance signedIntervention() {
        ProcessInstance instance = plan();
        at("09:00");
        submit(instance, Map.of());
        at("10:45");
        timer(instance, FieldServiceProcess.STOP);
        submit(instance, Map.of(FieldServiceProcess.TIME_DESCRIPTION, "Installed two access points"));
        submit(instance, Map.of(FieldServiceProcess.WORKSHEET_NOTES, "Old switch replaced",
                FieldServiceProcess.materialCode(1), cable.getCode(), FieldServiceProcess.materialQuantity(1), 2));
        steps.sign(instance.getBusinessKey(), "Ann Customer", Signatures.drawn(), technician.getUserId());
        people.runJobs(instance);
        return instance;
    }

    private void thirtyMinutesMore(ProcessInstance instance) {
        assertThat(instance).isWaitingAt(FieldServiceProcess.USER_TASK_TIMER_RUNNING);
        at("11:30");
        timer(instance, FieldServiceProcess.STOP);
        submit(instance, Map.of(FieldServiceProcess.TIME_DESCRIPTION, "Moved an access point"));
        assertThat(instance).isWaitingAt(FieldServiceProcess.USER_TASK_CUSTOMER_SIGNS)
                .variables().containsEntry(FieldServiceProcess.AMENDMENT, true);
    }

    @Test
    void scenario24_timeAddedToADoneTaskIsReportedAsAnAmendmentAndInvoicedAlone() throws Exception {
        ProcessInstance instance = signedIntervention();
        submit(instance, Map.of(FieldServiceProcess.DONE_ACTION, FieldServiceProcess.DONE));
        invoicing.post(invoicing.createInvoice(order, TimesheetsPeriod.ALL, false).getId());
        TestMailServer.server().purgeEmailFromAllMailboxes();

        at("11:00");
        steps.addTimeAfterDone(instance.getBusinessKey(), technician.getUserId());
        ProcessInstance amendment = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(instance.getBusinessKey()).singleResult();
        assertThat(amendment).hasPassed("startEvent_timeAddedAfterDone");
        thirtyMinutesMore(amendment);

        submit(amendment, Map.of());
        assertThat(amendment).isWaitingAt(FieldServiceProcess.USER_TASK_CUSTOMER_SIGNS).variables()
                .containsKey(FieldServiceProcess.REFUSAL);
        submit(amendment, Map.of(FieldServiceProcess.SIGNATURE_WAIVED, true));
        people.runJobs(amendment);

        assertThat(amendment).hasPassed(FieldServiceProcess.END_EVENT_AMENDMENT_REPORTED).isEnded();
        MimeMessage mail = TestMailServer.server().getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("Amended worksheet %s from Tandem Services"
                .formatted(instance.getBusinessKey()));
        try (PDDocument report = Loader.loadPDF(((MimeMultipart) mail.getContent()).getBodyPart(1)
                .getInputStream().readAllBytes())) {
            assertThat(new PDFTextStripper().getText(report).replaceAll("\\s+", " "))
                    .contains("Amendments: time added after signing", "Moved an access point 0:30 h 0:30 h · 0.50 h");
        }
        var invoice = invoicing.createInvoice(order, TimesheetsPeriod.ALL, false);
        assertThat(invoice.getAmountTotal()).isEqualByComparingTo("40");
        assertThat(invoice.getLines()).singleElement()
                .satisfies(line -> assertThat(line.getQuantity()).isEqualByComparingTo("0.5"));
    }

    @Test
    void timeAddedBeforeMarkAsDoneIsSignedAgainAndWaitsForAnInvoiceOfItsOwn() {
        ProcessInstance instance = signedIntervention();
        at("11:00");
        submit(instance, Map.of(FieldServiceProcess.DONE_ACTION, FieldServiceProcess.ADD_TIME));
        thirtyMinutesMore(instance);

        steps.sign(instance.getBusinessKey(), "Ann Customer", Signatures.drawn(), technician.getUserId());
        people.runJobs(instance);
        assertThat(instance).isWaitingAt(FieldServiceProcess.USER_TASK_MARK_AS_DONE)
                .variables().doesNotContainKey(FieldServiceProcess.DONE_ACTION);
        submit(instance, Map.of(FieldServiceProcess.DONE_ACTION, FieldServiceProcess.DONE));
        assertThat(instance).hasPassed(FieldServiceProcess.END_EVENT_DONE).isEnded();

        assertThat(invoicing.post(invoicing.createInvoice(order, TimesheetsPeriod.ALL, false).getId())
                .getAmountTotal()).isEqualByComparingTo("190");
        assertThat(invoicing.createInvoice(order, TimesheetsPeriod.ALL, false).getAmountTotal())
                .isEqualByComparingTo("40");
    }

    @Test
    void timeCanBeAddedThisWayOnlyToADoneTaskWithoutAnOpenStep() {
        ProcessInstance instance = signedIntervention();

        assertThatThrownBy(() -> steps.addTimeAfterDone(instance.getBusinessKey(), technician.getUserId()))
                .hasMessage("Time can be added this way only to a task that is signed and done; %s is not."
                        .formatted(instance.getBusinessKey()));
        submit(instance, Map.of(FieldServiceProcess.DONE_ACTION, FieldServiceProcess.DONE));
        steps.addTimeAfterDone(instance.getBusinessKey(), technician.getUserId());
        assertThatThrownBy(() -> steps.addTimeAfterDone(instance.getBusinessKey(), technician.getUserId()))
                .hasMessage("%s already has an open step: continue there.".formatted(instance.getBusinessKey()));
    }

    @Test
    void scenario20_pausedTimeIsNotBilledAndTheTimerCanBeStoppedWhilePaused() {
        ProcessInstance instance = plan();
        at("09:00");
        submit(instance, Map.of());
        at("09:20");
        timer(instance, FieldServiceProcess.PAUSE);
        at("09:30");
        timer(instance, FieldServiceProcess.RESUME);
        at("09:47");
        timer(instance, FieldServiceProcess.PAUSE);
        at("10:30");
        timer(instance, FieldServiceProcess.STOP);

        assertThat(instance).isWaitingAt(FieldServiceProcess.USER_TASK_CONFIRM_TIME).variables()
                .containsEntry(FieldServiceProcess.ACTUAL_MINUTES, 37)
                .containsEntry(FieldServiceProcess.BILLED_MINUTES, 45);
    }

    @Test
    void scenario21_sixMinutesBillFifteenAndTheWorksheetTakesMaterialsInRounds() {
        ProcessInstance instance = plan();
        at("09:00");
        submit(instance, Map.of());
        at("09:06");
        timer(instance, FieldServiceProcess.STOP);
        assertThat(instance).variables().containsEntry(FieldServiceProcess.ACTUAL_MINUTES, 6)
                .containsEntry(FieldServiceProcess.BILLED_MINUTES, 15);
        submit(instance, Map.of(FieldServiceProcess.TIME_DESCRIPTION, "Replaced a patch cable"));

        submit(instance, Map.of(FieldServiceProcess.materialCode(1), cable.getCode(),
                FieldServiceProcess.materialQuantity(1), 1, FieldServiceProcess.MORE_MATERIALS, true));
        assertThat(instance).isWaitingAt(FieldServiceProcess.USER_TASK_WORKSHEET)
                .variables().containsEntry(FieldServiceProcess.MATERIALS_USED, "1 × Network cable")
                .doesNotContainKey(FieldServiceProcess.materialCode(1));
        submit(instance, Map.of(FieldServiceProcess.materialCode(1), cable.getCode(),
                FieldServiceProcess.materialQuantity(1), 2, FieldServiceProcess.MORE_MATERIALS, false));

        assertThat(instance).isWaitingAt(FieldServiceProcess.USER_TASK_CUSTOMER_SIGNS).variables()
                .containsEntry(FieldServiceProcess.MATERIALS_USED, "1 × Network cable, 2 × Network cable");
    }

    @Test
    void scenario25_prepaidTimeOnSiteIsNotInvoicedAgainAndTheOrderAsksForMoreHours() {
        order = fixtures.confirmedOrder(customer, fixtures.prepaid("100"), "2");
        invoicing.post(invoicing.createInvoice(order, TimesheetsPeriod.ALL, false).getId());
        ProcessInstance instance = plan();
        at("13:00");
        submit(instance, Map.of());
        at("15:30");
        timer(instance, FieldServiceProcess.STOP);
        submit(instance, Map.of(FieldServiceProcess.TIME_DESCRIPTION, "Repaired the pump"));
        submit(instance, Map.of(FieldServiceProcess.WORKSHEET_NOTES, "Pump seal replaced"));
        steps.sign(instance.getBusinessKey(), "Ann Customer", Signatures.drawn(), technician.getUserId());
        people.runJobs(instance);
        submit(instance, Map.of(FieldServiceProcess.DONE_ACTION, FieldServiceProcess.DONE));

        assertThat(instance).hasPassed(FieldServiceProcess.END_EVENT_DONE).isEnded();
        assertThat(figures.ofLine(fixtures.line(order)).delivered()).isEqualByComparingTo("2.5");
        assertThat(figures.ofOrder(order).status()).isEqualTo(InvoiceStatus.UPSELLING);
        assertThatThrownBy(() -> invoicing.createInvoice(order, TimesheetsPeriod.ALL, false))
                .hasMessageContaining("Nothing to invoice");
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
        steps.sign(instance.getBusinessKey(), "Ann Customer", Signatures.drawn(), technician.getUserId());
        people.runJobs(instance);

        submit(instance, Map.of(FieldServiceProcess.DONE_ACTION, FieldServiceProcess.DONE));
        assertThat(instance).isWaitingAt(FieldServiceProcess.USER_TASK_MARK_AS_DONE).variables()
                .containsEntry(FieldServiceProcess.REFUSAL, "Not enough Network cable in stock: 10 on hand, 20 needed.");
        assertThat(inventory.onHand(cable.getId())).isEqualByComparingTo("10");
    }

    @Test
    void theCustomerSignsOnlyWhenTheStepCustomerSignsWaits() {
        ProcessInstance instance = plan();
        at("09:00");
        submit(instance, Map.of());
        at("09:30");
        timer(instance, FieldServiceProcess.STOP);
        submit(instance, Map.of(FieldServiceProcess.TIME_DESCRIPTION, "Checked the rack"));
        assertThat(instance).isWaitingAt(FieldServiceProcess.USER_TASK_WORKSHEET);

        assertThatThrownBy(() -> steps.sign(instance.getBusinessKey(), "Ann Customer", Signatures.drawn(),
                technician.getUserId()))
                .hasMessage("%s is not waiting for the customer's signature: it is signed at the step Customer signs, "
                        .formatted(instance.getBusinessKey()) + "after the worksheet.");
        submit(instance, Map.of(FieldServiceProcess.WORKSHEET_NOTES, "Rack tidied"));
        assertThat(instance).isWaitingAt(FieldServiceProcess.USER_TASK_CUSTOMER_SIGNS);
    }

    @Test
    void planningOnAnUnknownOrderIsRefusedAndLeavesNothing() {
        assertThatThrownBy(() -> people.startAs("sam", FieldServiceProcess.KEY, Map.of(
                FieldServiceProcess.CUSTOMER_NAME, customer.getName(), FieldServiceProcess.ORDER_NUMBER, "S99999",
                FieldServiceProcess.TECHNICIAN, technician.getUserId(), FieldServiceProcess.SITE, "Depot")))
                .hasMessageContaining("Unknown sales order S99999.");
    }
}

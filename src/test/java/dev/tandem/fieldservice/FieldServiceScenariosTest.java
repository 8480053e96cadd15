package dev.tandem.fieldservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.tandem.BillingFixtures;
import dev.tandem.TandemIntegrationTest;
import dev.tandem.TestClock;
import dev.tandem.catalog.Customer;
import dev.tandem.catalog.Employee;
import dev.tandem.catalog.Product;
import dev.tandem.invoicing.BillingIntegrityCheck;
import dev.tandem.invoicing.Invoice;
import dev.tandem.invoicing.InvoiceDocument;
import dev.tandem.invoicing.InvoicingService;
import dev.tandem.invoicing.TimesheetsPeriod;
import dev.tandem.inventory.InventoryService;
import dev.tandem.invoicing.InvoiceStatus;
import dev.tandem.invoicing.OrderFigures;
import dev.tandem.sales.SalesOrderLine;
import dev.tandem.timesheets.TimeRoundingRules;
import dev.tandem.timesheets.TimerService;
import dev.tandem.timesheets.TimesheetService;
import dev.tandem.timesheets.TimesheetTarget;

/** Scenarios 23 to 25 of BILLING-RULES.md and Mark as done, at the service level. */
@TandemIntegrationTest
class FieldServiceScenariosTest {

    @Autowired BillingFixtures fixtures;
    @Autowired FieldTaskService fieldTasks;
    @Autowired TimerService timers;
    @Autowired TimesheetService timesheets;
    @Autowired TimeRoundingRules rounding;
    @Autowired InventoryService inventory;
    @Autowired InvoicingService invoicing;
    @Autowired InvoiceDocument documents;
    @Autowired OrderFigures figures;
    @Autowired BillingIntegrityCheck integrity;
    @Autowired TestClock clock;
    @Autowired FieldTaskRepository tasks;
    @Autowired WorksheetService worksheets;

    private final LocalDate yesterday = BillingFixtures.today().minusDays(1);

    @AfterEach
    void realTimeAgainAndLedgerIntact() {
        clock.reset();
        assertThat(integrity.run().violations()).isEmpty();
    }

    private void at(String time) {
        clock.set(ZonedDateTime.of(yesterday, LocalTime.parse(time), BillingFixtures.ZONE).toInstant());
    }

    private Product cable() {
        Product cable = fixtures.save(Product.storable("CABLE-" + System.nanoTime(), "Network cable", "25"));
        inventory.receive(cable.getId(), new BigDecimal("10"));
        return cable;
    }

    /** Starts and stops the technician's timer on the task, then records the time as the confirmation does. */
    private void timeOnSite(FieldTask task, Employee technician, String from, String to) {
        at(from);
        timers.start(technician.getId(), task.getWorkItem());
        at(to);
        TimerService.StoppedTimer stopped = timers.stop(technician.getId(), task.getWorkItem(),
                rounding.forWork(task.getCustomer().getName()));
        timesheets.recordTimer(technician.getId(), worksheets.timeTarget(task.getId()), stopped,
                "Installed the access points");
    }

    @Test
    void scenario23_materialsLeaveTheStockOnlyWhenTheTaskIsDoneAndTheInvoiceBillsTimeAndMaterial() {
        Customer customer = fixtures.customer();
        Employee technician = fixtures.employee();
        Product cable = cable();
        Long order = fixtures.confirmedOrder(customer, fixtures.postpaid("80"), "10");
        FieldTask task = fieldTasks.plan(customer.getId(), order, technician.getId(), "Main office",
                "Wi-Fi installation", yesterday);
        timeOnSite(task, technician, "09:00", "10:45");
        SalesOrderLine used = fieldTasks.useMaterial(task.getId(), cable.getId(), new BigDecimal("2"));

        assertThat(figures.ofLine(used.getId()).delivered()).isEqualByComparingTo("0");
        assertThat(inventory.onHand(cable.getId())).isEqualByComparingTo("10");

        fieldTasks.markDone(task.getId());

        assertThat(figures.ofLine(used.getId()).delivered()).isEqualByComparingTo("2");
        assertThat(inventory.onHand(cable.getId())).isEqualByComparingTo("8");
        Invoice invoice = invoicing.createInvoice(order, TimesheetsPeriod.ALL, false);
        assertThat(invoice.getAmountTotal()).isEqualByComparingTo("190");
    }

    /** Scenario 23's intervention, signed by the customer: 1.75 h of time and two cables on the order. */
    private FieldTask signedIntervention(Customer customer, Long order, Employee technician) {
        FieldTask task = fieldTasks.plan(customer.getId(), order, technician.getId(), "Main office",
                "Wi-Fi installation", yesterday);
        timeOnSite(task, technician, "09:00", "10:45");
        fieldTasks.useMaterial(task.getId(), cable().getId(), new BigDecimal("2"));
        worksheets.sign(task.getNumber(), "Ann Customer", Signatures.drawn());
        return task;
    }

    @Test
    void scenario24_timeAddedAfterSigningAndInvoicingIsBilledAloneOnANewInvoice() throws IOException {
        Customer customer = fixtures.customer();
        Employee technician = fixtures.employee();
        Long order = fixtures.confirmedOrder(customer, fixtures.postpaid("80"), "10");
        FieldTask task = signedIntervention(customer, order, technician);
        fieldTasks.markDone(task.getId());
        invoicing.post(invoicing.createInvoice(order, TimesheetsPeriod.ALL, false).getId());

        timeOnSite(task, technician, "11:00", "11:30");

        Invoice amendment = invoicing.createInvoice(order, TimesheetsPeriod.ALL, false);
        assertThat(amendment.getAmountTotal()).isEqualByComparingTo("40");
        assertThat(amendment.getLines()).singleElement()
                .satisfies(line -> assertThat(line.getQuantity()).isEqualByComparingTo("0.5"));
        invoicing.post(amendment.getId());
        try (PDDocument pdf = Loader.loadPDF(documents.pdf(amendment.getId()))) {
            ImageIO.write(new PDFRenderer(pdf).renderImageWithDPI(0, 60), "png",
                    Files.createDirectories(Path.of("target", "screenshots")).resolve("invoice-amendment-page-1.png").toFile());
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
                    .contains("Time added after the customer signed field task " + task.getNumber() + ".", "0.50 h");
        }
    }

    @Test
    void timeAddedAfterSigningBeforeTheInvoiceWaitsAndIsNeverConsolidatedWithOtherOrders() {
        Customer customer = fixtures.customer();
        Employee technician = fixtures.employee();
        Long order = fixtures.confirmedOrder(customer, fixtures.postpaid("80"), "10");
        FieldTask task = signedIntervention(customer, order, technician);
        timeOnSite(task, technician, "11:00", "11:30");
        fieldTasks.markDone(task.getId());
        Long otherOrder = fixtures.confirmedOrder(customer, fixtures.postpaid("80"), "10");
        FieldTask otherTask = fieldTasks.plan(customer.getId(), otherOrder, technician.getId(), "Warehouse",
                "Cabling", yesterday);
        timeOnSite(otherTask, technician, "13:00", "14:00");

        assertThat(fixtures.toInvoice(customer.getName())).filteredOn(row -> row.orderId().equals(order)).singleElement()
                .satisfies(row -> assertThat(row.amount()).as("the next run leaves the amendment for later")
                        .isEqualByComparingTo("190"));
        var first = invoicing.createInvoices(new InvoicingService.InvoiceRequest(List.of(order), true,
                TimesheetsPeriod.ALL, false));
        invoicing.post(first.invoices().get(0).getId());
        assertThat(fixtures.toInvoice(customer.getName())).filteredOn(row -> row.orderId().equals(order)).singleElement()
                .satisfies(row -> assertThat(row.amount()).isEqualByComparingTo("40"));
        var second = invoicing.createInvoices(new InvoicingService.InvoiceRequest(List.of(order, otherOrder), true,
                TimesheetsPeriod.ALL, false));

        assertThat(first.invoices()).extracting(Invoice::getAmountTotal)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("190"));
        assertThat(second.invoices()).extracting(Invoice::getAmountTotal)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactlyInAnyOrder(new BigDecimal("40"), new BigDecimal("80"));
    }

    @Test
    void scenario25_prepaidTimeOnSiteIsNotInvoicedAgainAndTheOrderAsksForMoreHours() {
        Customer customer = fixtures.customer();
        Employee technician = fixtures.employee();
        Long order = fixtures.confirmedOrder(customer, fixtures.prepaid("100"), "2");
        invoicing.post(invoicing.createInvoice(order, TimesheetsPeriod.ALL, false).getId());
        FieldTask task = fieldTasks.plan(customer.getId(), order, technician.getId(), "Plant", "Repair", yesterday);
        timeOnSite(task, technician, "13:00", "15:30");
        fieldTasks.markDone(task.getId());

        assertThat(figures.ofLine(fixtures.line(order)).delivered()).isEqualByComparingTo("2.5");
        assertThat(figures.ofOrder(order).status()).isEqualTo(InvoiceStatus.UPSELLING);
        assertThatThrownBy(() -> invoicing.createInvoice(order, TimesheetsPeriod.ALL, false))
                .hasMessageContaining("Nothing to invoice");
    }

    @Test
    void markAsDoneIsRefusedWhileTheTimerRuns() {
        Customer customer = fixtures.customer();
        Employee technician = fixtures.employee();
        Long order = fixtures.confirmedOrder(customer, fixtures.postpaid("80"), "10");
        FieldTask task = fieldTasks.plan(customer.getId(), order, technician.getId(), "Depot", "Check", yesterday);
        timers.start(technician.getId(), task.getWorkItem());

        assertThatThrownBy(() -> fieldTasks.markDone(task.getId()))
                .hasMessage("Stop the timer on %s before marking it as done.".formatted(task.getNumber()));
        assertThat(tasks.findById(task.getId()).orElseThrow().getState()).isEqualTo(FieldTask.State.PLANNED);
    }

    @Test
    void markAsDoneIsRefusedWholeWhenTheStockWouldGoNegative() {
        Customer customer = fixtures.customer();
        Employee technician = fixtures.employee();
        Product cable = cable();
        Long order = fixtures.confirmedOrder(customer, fixtures.postpaid("80"), "10");
        FieldTask task = fieldTasks.plan(customer.getId(), order, technician.getId(), "Depot", "Cabling", yesterday);
        SalesOrderLine used = fieldTasks.useMaterial(task.getId(), cable.getId(), new BigDecimal("12"));

        assertThatThrownBy(() -> fieldTasks.markDone(task.getId()))
                .hasMessage("Not enough Network cable in stock: 10 on hand, 12 needed.");
        assertThat(tasks.findById(task.getId()).orElseThrow().getState()).isEqualTo(FieldTask.State.PLANNED);
        assertThat(inventory.onHand(cable.getId())).isEqualByComparingTo("10");
        assertThat(figures.ofLine(used.getId()).delivered()).isEqualByComparingTo("0");
    }

    @Test
    void onlyMaterialsBilledOnDeliveryCanBeUsedOnSite() {
        Customer customer = fixtures.customer();
        Long order = fixtures.confirmedOrder(customer, fixtures.postpaid("80"), "10");
        FieldTask task = fieldTasks.plan(customer.getId(), order, fixtures.employee().getId(), "Depot", "Check", yesterday);
        Product hours = fixtures.prepaid("100");

        assertThatThrownBy(() -> fieldTasks.useMaterial(task.getId(), hours.getId(), BigDecimal.ONE))
                .hasMessage("Prepaid support hours is not a material billed on delivery.");
        assertThatThrownBy(() -> fieldTasks.useMaterial(task.getId(), cable().getId(), BigDecimal.ZERO))
                .hasMessage("The quantity used must be positive.");
    }
}

package dev.tandem.fieldservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tandem.BillingFixtures;
import dev.tandem.TandemIntegrationTest;
import dev.tandem.TestClock;
import dev.tandem.catalog.Customer;
import dev.tandem.catalog.Employee;
import dev.tandem.catalog.Product;
import dev.tandem.inventory.InventoryService;
import dev.tandem.timesheets.TimeRoundingRules;
import dev.tandem.timesheets.TimerService;
import dev.tandem.timesheets.TimesheetEntry;
import dev.tandem.timesheets.TimesheetService;
import dev.tandem.timesheets.TimesheetTarget;

/** The worksheet: answers and materials, the customer's signature rules, and the report PDF. */
@TandemIntegrationTest
class WorksheetTest {

    @Autowired BillingFixtures fixtures;
    @Autowired FieldTaskService fieldTasks;
    @Autowired FieldTaskRepository tasks;
    @Autowired WorksheetService worksheets;
    @Autowired TransactionTemplate transactions;
    @Autowired WorksheetReport report;
    @Autowired TimerService timers;
    @Autowired TimesheetService timesheets;
    @Autowired TimeRoundingRules rounding;
    @Autowired InventoryService inventory;
    @Autowired TestClock clock;

    private final LocalDate yesterday = BillingFixtures.today().minusDays(1);
    private Employee technician;
    private FieldTask task;
    private Product cable;

    @BeforeEach
    void aTaskWithTimeMaterialAndAnswers() {
        Customer customer = fixtures.customer();
        technician = fixtures.employee();
        Long order = fixtures.confirmedOrder(customer, fixtures.postpaid("80"), "10");
        task = fieldTasks.plan(customer.getId(), order, technician.getId(), "Main office", "Wi-Fi installation",
                yesterday);
        cable = fixtures.save(Product.storable("CABLE-" + System.nanoTime(), "Network cable", "25"));
        inventory.receive(cable.getId(), new BigDecimal("10"));
        timeOnSite("09:00", "09:37");
        fieldTasks.useMaterial(task.getId(), cable.getId(), new BigDecimal("2"));
        worksheets.answer(task.getId(), "Old switch replaced; signal fine in every room.");
    }

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    private TimesheetEntry timeOnSite(String from, String to) {
        clock.set(ZonedDateTime.of(yesterday, LocalTime.parse(from), BillingFixtures.ZONE).toInstant());
        timers.start(technician.getId(), task.getWorkItem());
        clock.set(ZonedDateTime.of(yesterday, LocalTime.parse(to), BillingFixtures.ZONE).toInstant());
        return timesheets.recordTimer(technician.getId(), worksheets.timeTarget(task.getId()),
                timers.stop(technician.getId(), task.getWorkItem(), rounding.forWork("any")),
                "Installed the access points");
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    private List<String> signers() {
        return inTransaction(() -> worksheets.of(task.getNumber()).getSignatures().stream()
                .map(WorksheetSignature::getSignerName).toList());
    }

    private boolean covered() {
        return inTransaction(() -> worksheets.signatureCoversContent(worksheets.of(task.getNumber())));
    }

    @Test
    void signingStoresNameDrawingTimeAndTheHashOfTheWorksheetAsSigned() {
        Instant now = Instant.parse("2026-11-20T15:04:00Z");
        clock.set(now);
        String content = inTransaction(() -> worksheets.content(worksheets.of(task.getNumber())));

        WorksheetSignature signature = worksheets.sign(task.getNumber(), "  Ann Customer ", Signatures.drawn());

        assertThat(signature.getSignerName()).isEqualTo("Ann Customer");
        assertThat(signature.getSignedAt()).isEqualTo(now);
        assertThat(signature.getSignaturePng()).isEqualTo(Signatures.drawn());
        assertThat(content).contains(task.getNumber(), "37 min actual, 45 min billed", "2 x Network cable",
                "Old switch replaced");
        assertThat(signature.getContentSha256()).hasSize(64).isEqualTo(WorksheetService.sha256(content));
        assertThat(tasks.findById(task.getId()).orElseThrow().getState()).isEqualTo(FieldTask.State.SIGNED);
    }

    @Test
    void aSecondSignatureIsRefusedUntilTimeIsAddedAfterSigning() {
        worksheets.sign(task.getNumber(), "Ann Customer", Signatures.drawn());

        assertThatThrownBy(() -> worksheets.sign(task.getNumber(), "Bob Customer", Signatures.drawn()))
                .hasMessage("Worksheet %s is already signed; it can be signed again only after it was amended."
                        .formatted(task.getNumber()));
        assertThat(signers()).containsExactly("Ann Customer");

        TimesheetEntry amendment = timeOnSite("11:00", "11:30");
        assertThat(amendment.isAmendment()).isTrue();
        assertThat(covered()).isFalse();

        worksheets.sign(task.getNumber(), "Bob Customer", Signatures.drawn());
        assertThat(signers()).containsExactly("Ann Customer", "Bob Customer");
        assertThat(covered()).isTrue();
    }

    @Test
    void aSignatureNeedsANameAndADrawingAndChangesNothingWhenRefused() {
        assertThatThrownBy(() -> worksheets.sign(task.getNumber(), " ", Signatures.drawn()))
                .hasMessage("Write the name of the person who signs.");
        assertThatThrownBy(() -> worksheets.sign(task.getNumber(), "Ann", Signatures.blank()))
                .hasMessage("Draw the signature before signing.");
        assertThatThrownBy(() -> worksheets.sign(task.getNumber(), "Ann", new byte[0]))
                .hasMessage("Draw the signature before signing.");
        assertThatThrownBy(() -> worksheets.sign(task.getNumber(), "Ann", "GIF89a not a png".getBytes()))
                .hasMessage("The signature is not a PNG image.");
        assertThatThrownBy(() -> worksheets.sign(task.getNumber(), "Ann", Signatures.huge()))
                .hasMessage("The signature image is too large.");
        assertThatThrownBy(() -> worksheets.sign("F99999", "Ann", Signatures.drawn()))
                .hasMessage("Unknown field task F99999.");

        assertThat(signers()).isEmpty();
        assertThat(tasks.findById(task.getId()).orElseThrow().getState()).isEqualTo(FieldTask.State.PLANNED);
    }

    @Test
    void onceSignedTheAnswersAndMaterialsNoLongerChange() {
        worksheets.sign(task.getNumber(), "Ann Customer", Signatures.drawn());

        assertThatThrownBy(() -> worksheets.answer(task.getId(), "Something else"))
                .hasMessage("Worksheet %s is signed: its answers can no longer change.".formatted(task.getNumber()));
        assertThatThrownBy(() -> fieldTasks.useMaterial(task.getId(), cable.getId(), BigDecimal.ONE))
                .hasMessage("Worksheet %s is signed: no more material can be added.".formatted(task.getNumber()));
        assertThat(inTransaction(() -> worksheets.of(task.getNumber()).getMaterials().size())).isEqualTo(1);
    }

    @Test
    void theReportShowsTimeMaterialsAnswersTheSignatureAndTheAmendments() throws IOException {
        WorksheetSignature signature = worksheets.sign(task.getNumber(), "Ann Customer", Signatures.drawn());
        timeOnSite("11:00", "11:30");

        try (PDDocument pdf = Loader.loadPDF(report.pdf(task.getNumber()))) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Worksheet " + task.getNumber(), "Main office", "Network cable",
                    "Old switch replaced", "0:37 h", "0:45 h · 0.75 h", "Signed by", "Ann Customer",
                    signature.getContentSha256(), "Amendments: time added after signing", "0:30 h · 0.50 h",
                    "Changed since the last signature");
            boolean hasImage = false;
            for (PDPage page : pdf.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    hasImage |= page.getResources().getXObject(name) instanceof PDImageXObject;
                }
            }
            assertThat(hasImage).as("the drawn signature is on the report").isTrue();
            Path preview = Path.of("target", "screenshots", "worksheet-report-page-1.png");
            Files.createDirectories(preview.getParent());
            ImageIO.write(new PDFRenderer(pdf).renderImageWithDPI(0, 60), "png", preview.toFile());
        }
    }
}

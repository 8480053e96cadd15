package dev.tandem.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.tandem.BillingFixtures;
import dev.tandem.TandemIntegrationTest;
import dev.tandem.catalog.Customer;
import dev.tandem.catalog.CustomerRepository;
import dev.tandem.catalog.Employee;
import dev.tandem.catalog.Product;

/** The invoice PDF as the customer receives it: text read back from the PDF, and page one as an image. */
@TandemIntegrationTest
class InvoiceDocumentTest {

    @Autowired BillingFixtures fixtures;
    @Autowired InvoicingService invoicing;
    @Autowired DownPayments downPayments;
    @Autowired CreditNotes creditNotes;
    @Autowired InvoiceDocument document;
    @Autowired CustomerRepository customers;

    @Test
    void theInvoiceShowsEveryFigureTheCustomerNeedsToRecheckIt() throws IOException {
        Customer customer = fixtures.customer();
        Product service = fixtures.save(fixtures.postpaid("100").withTaxRate("21"));
        Long order = fixtures.confirmedOrder(customer, service, "10");
        Employee employee = fixtures.employee();
        fixtures.log(employee, fixtures.line(order), BillingFixtures.today().minusDays(1), "2.5");
        fixtures.log(employee, fixtures.line(order), "1.25");
        Invoice invoice = invoicing.post(invoicing.createInvoice(order, TimesheetsPeriod.ALL, false).getId());

        byte[] pdf = document.pdf(invoice.getId());

        try (PDDocument read = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(read);
            assertThat(text).contains("Invoice " + invoice.getNumber(), "Tandem Services", customer.getName(),
                    customer.getAddress(), fixtures.orderNumber(order), "Service on Timesheets",
                    "actual 3:45 h, billed 3:45 h", "3.75", "375.00", "Tax 21 % on 375.00", "78.75", "Total EUR",
                    "453.75", "Time logged by hand is billed as logged", "tax rounded to the cent on each line",
                    "Annex: timesheet entries billed", employee.getName(), "2:30 h · 2.50 h", "1:15 h · 1.25 h");
            assertThat(read.getNumberOfPages()).isEqualTo(2);
            List<String> fonts = new ArrayList<>();
            for (var page : read.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name).getName());
                }
            }
            assertThat(fonts).as("the CJK fallback font only where a name needs it").isNotEmpty()
                    .allMatch(font -> font.contains("DejaVuSans"));
            try (PDDocument again = Loader.loadPDF(document.pdf(invoice.getId()))) {
                assertThat(new PDFTextStripper().getText(again)).as("printed again with the same parsed fonts")
                        .isEqualTo(text);
            }

            BufferedImage page = new PDFRenderer(read).renderImageWithDPI(0, 60);
            Path preview = Path.of("target", "screenshots", "invoice-page-1.png");
            Files.createDirectories(preview.getParent());
            ImageIO.write(page, "png", preview.toFile());
            assertThat(inkShare(page)).as("share of the page that is printed on").isBetween(0.01, 0.5);
        }
        assertThat(document.fileName(invoice)).isEqualTo(invoice.getNumber().replace('/', '-') + ".pdf");
    }

    @Test
    void namesInEveryScriptArePrintedInTheirOwnLetters() throws IOException {
        String greek = "Ελληνική Εταιρεία";
        String cyrillic = "Кирилл и Мефодий";
        String hebrew = "שלום עולם";
        String arabic = "شركة السلام";
        String chinese = "北京科技有限公司";
        Customer customer = customers.save(new Customer("%s · %s · %s · %s · %s %d".formatted(greek, cyrillic, hebrew,
                arabic, chinese, System.nanoTime()), "world@example.com", "Rue de la Loi 1", BillingFixtures.ZONE, "en"));
        Long order = fixtures.confirmedOrder(customer, fixtures.postpaid("80"), "10");
        fixtures.log(fixtures.employee(), fixtures.line(order), "1");
        Invoice invoice = invoicing.post(invoicing.createInvoice(order, TimesheetsPeriod.ALL, false).getId());

        try (PDDocument read = Loader.loadPDF(document.pdf(invoice.getId()))) {
            String text = Normalizer.normalize(new PDFTextStripper().getText(read), Normalizer.Form.NFKC);
            // Word by word, wherever the lines wrap; right-to-left words read back in either order.
            for (String word : String.join(" ", greek, cyrillic, hebrew, arabic, chinese).split(" ")) {
                assertThat(text).containsAnyOf(word, new StringBuilder(word).reverse().toString());
            }
            assertThat(text).doesNotContain("###");
            List<String> fonts = new ArrayList<>();
            for (var page : read.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name).getName());
                }
            }
            assertThat(fonts).anyMatch(font -> font.contains("DejaVuSans")).anyMatch(font -> font.contains("DroidSansFallback"));

            BufferedImage page = new PDFRenderer(read).renderImageWithDPI(0, 110);
            Path preview = Path.of("target", "screenshots", "invoice-scripts-page-1.png");
            Files.createDirectories(preview.getParent());
            ImageIO.write(page, "png", preview.toFile());
        }
    }

    @Test
    void figuresKeepTheirDecimalPointOnAServerWithAnotherLocale() throws IOException {
        Long order = fixtures.confirmedOrder(fixtures.customer(), fixtures.postpaid("80"), "10");
        fixtures.log(fixtures.employee(), fixtures.line(order), "1.5");
        Invoice invoice = invoicing.createInvoice(order, TimesheetsPeriod.ALL, false);
        Locale server = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try (PDDocument read = Loader.loadPDF(document.pdf(invoice.getId()))) {
            assertThat(new PDFTextStripper().getText(read)).contains("1.50", "120.00").doesNotContain("1,50");
        } finally {
            Locale.setDefault(server);
        }
    }

    @Test
    void aFinalStatementAfterAFullDownPaymentSaysNothingIsDue() throws IOException {
        Long order = fixtures.confirmedOrder(fixtures.customer(), fixtures.save(fixtures.postpaid("85.50").withTaxRate("21")),
                "2");
        invoicing.post(downPayments.create(order, DownPayment.percentage("100")).getId());
        fixtures.log(fixtures.employee(), fixtures.line(order), "2");
        Invoice settlement = invoicing.post(invoicing.createInvoice(order, TimesheetsPeriod.ALL, true).getId());

        String text = printed(settlement, "final-statement-page-1.png");

        assertThat(text).contains("Invoice " + settlement.getNumber(),
                "Final statement: settled by your down payments, nothing to pay.",
                "Deduction: Down payment of 100 % on " + fixtures.orderNumber(order), "-1.00 unit 171.00 21 % -171.00",
                "Tax 21 % on 0.00 0.00", "Total EUR 0.00",
                "The down payments received settle this order: nothing is due.");
    }

    @Test
    void aPartOfAnOrderLineBilledBeforeSaysItsFiguresCarryTheOrdersRounding() throws IOException {
        Long order = fixtures.confirmedOrder(fixtures.customer(), fixtures.save(fixtures.postpaid("80.55").withTaxRate("21")),
                "1");
        Employee employee = fixtures.employee();
        for (int day = 1; day <= 3; day++) {
            fixtures.log(employee, fixtures.line(order), BillingFixtures.today().minusDays(day), "0.3333333333");
        }
        Invoice last = null;
        for (int day = 3; day >= 1; day--) {
            var period = new TimesheetsPeriod(BillingFixtures.today().minusDays(day), BillingFixtures.today().minusDays(day));
            last = invoicing.post(invoicing.createInvoice(order, period, false).getId());
        }

        // 1:00 h at 80.55 is 80.55 + 16.92 tax; the first two thirds billed 53.97 + 11.33, so the last bills the rest.
        assertThat(last.getAmountUntaxed()).isEqualByComparingTo("26.58");
        assertThat(last.getAmountTax()).isEqualByComparingTo("5.59");
        assertThat(printed(last, "invoice-rounded-with-the-order-page-1.png")).contains("0:20 h · 0.33 h",
                "are the change it makes to each order's rounded figures");
    }

    @Test
    void documentsCarryTermsVatNumbersBankAndUnitsAndACreditNoteIsWordedAsOne() throws IOException {
        Customer customer = customers.save(new Customer("Wayne Enterprises " + System.nanoTime(), "ap@wayne.example",
                "1007 Mountain Drive, Gotham", BillingFixtures.ZONE, "en").withVatNumber("BE 0111.222.333")
                .withPaymentTermsDays(15));
        Long prepaidOrder = fixtures.confirmedOrder(customer, fixtures.save(fixtures.prepaid("100").withTaxRate("21")), "10");
        Invoice prepaid = invoicing.post(invoicing.createInvoice(prepaidOrder, TimesheetsPeriod.ALL, false).getId());
        String prepaidText = printed(prepaid, "invoice-prepaid-page-1.png");
        assertThat(prepaidText).contains("Invoice " + prepaid.getNumber(), "VAT BE 0123.456.789",
                "Registered office: Rue de la Loi 16, 1000 Brussels", "VAT BE 0111.222.333",
                "Due date " + BillingFixtures.today().plusDays(15), "10.00 h 100.00 21 % 1,000.00",
                "Please pay 1,210.00 EUR by " + BillingFixtures.today().plusDays(15)
                        + " to IBAN BE71 0961 2345 6769 (BIC GKCCBEBB), with the reference " + prepaid.getNumber() + ".")
                .as("a prepaid invoice bills no time").doesNotContain("Time logged by hand", "Hours are shown");

        Long order = fixtures.confirmedOrder(customer, fixtures.save(fixtures.postpaid("80").withTaxRate("21")), "10");
        Employee employee = fixtures.employee();
        Long kept = fixtures.log(employee, fixtures.line(order), BillingFixtures.today().minusDays(1), "1").getId();
        fixtures.log(employee, fixtures.line(order), "2");
        Invoice invoice = invoicing.post(invoicing.createInvoice(order, TimesheetsPeriod.ALL, false).getId());
        Invoice credit = invoicing.post(creditNotes.create(invoice.getId(), java.util.Set.of(kept)).getId());
        String creditText = printed(credit, "credit-note-page-1.png");
        assertThat(creditText).contains("Credit note " + credit.getNumber(), "Credit note date " + BillingFixtures.today(),
                "Reversing invoice " + invoice.getNumber(), "Order " + fixtures.orderNumber(order), "Credited to",
                "1.00 h 80.00 21 % 80.00", "This credit note reverses invoice " + invoice.getNumber()
                        + ": 96.80 EUR is deducted from what you owe us or refunded.",
                "Annex: timesheet entries credited")
                .doesNotContain("Invoice date", "Due date", "Please pay", "Credit of", "entries billed");
        try (PDDocument read = Loader.loadPDF(document.pdf(credit.getId()))) {
            assertThat(read.getNumberOfPages()).isEqualTo(2);
            BufferedImage annex = new PDFRenderer(read).renderImageWithDPI(1, 60);
            Path preview = Path.of("target", "screenshots", "credit-note-page-2.png");
            ImageIO.write(annex, "png", preview.toFile());
            assertThat(new PDFTextStripper().getText(read)).as("dates on one line")
                    .contains(BillingFixtures.today().minusDays(1).toString());
        }
    }

    private String printed(Invoice invoice, String screenshot) throws IOException {
        try (PDDocument read = Loader.loadPDF(document.pdf(invoice.getId()))) {
            Path preview = Path.of("target", "screenshots", screenshot);
            Files.createDirectories(preview.getParent());
            ImageIO.write(new PDFRenderer(read).renderImageWithDPI(0, 60), "png", preview.toFile());
            return new PDFTextStripper().getText(read).replaceAll("\\s+", " ");
        }
    }

    /** How much of the page is not white: a blank or garbled page is far off a real invoice. */
    private static double inkShare(BufferedImage page) {
        long ink = 0;
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                if ((page.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    ink++;
                }
            }
        }
        return (double) ink / ((long) page.getWidth() * page.getHeight());
    }
}

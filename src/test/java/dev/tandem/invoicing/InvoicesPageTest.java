package dev.tandem.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import dev.tandem.BillingFixtures;
import dev.tandem.SupportProcesses;
import dev.tandem.TandemIntegrationTest;
import dev.tandem.TestMailServer;
import dev.tandem.WebSession;
import dev.tandem.catalog.Customer;
import dev.tandem.catalog.CustomerRepository;
import dev.tandem.invoicing.process.InvoiceRunProcess;
import dev.tandem.invoicing.process.InvoicingVariables;
import dev.tandem.invoicing.process.SendInvoiceProcess;
import dev.tandem.outbox.OutboundMail;
import dev.tandem.outbox.OutboundMailRepository;
import dev.tandem.sales.process.PostpaidSupportProcess;

/** The Invoices pages over HTTP, as accounting and auditors use them: search, a document, its PDF, Send again. */
@TandemIntegrationTest
class InvoicesPageTest {

    @LocalServerPort int port;
    @Autowired BillingFixtures fixtures;
    @Autowired SupportProcesses people;
    @Autowired CustomerRepository customers;
    @Autowired InvoiceRepository invoices;
    @Autowired InvoicingService invoicing;
    @Autowired CreditNotes creditNotes;
    @Autowired OutboundMailRepository mails;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired JavaMailSenderImpl mailSender;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private WebSession signedIn(String user) {
        WebSession session = new WebSession();
        session.signIn(url(""), user, user);
        return session;
    }

    /** An order of a customer no other test names, with hours delivered at 80.00 an hour. */
    private record Order(Customer customer, Long id, String number) {
    }

    private Order deliveredOrder(String name, String hours) {
        Customer customer = customers.save(new Customer(name + " " + System.nanoTime(), "billing-" + System.nanoTime()
                + "@example.com", "Street 1", BillingFixtures.ZONE, "en"));
        Long order = fixtures.confirmedOrder(customer, fixtures.postpaid("80"), "10");
        fixtures.log(fixtures.employee(), fixtures.line(order), hours);
        return new Order(customer, order, fixtures.orderNumber(order));
    }

    /** The order invoiced by an invoice run started in alice's name; the run, after its chunks. */
    private ProcessInstance startRun(Order order) {
        ProcessInstance run = people.startAs("alice", InvoiceRunProcess.KEY, Map.of(InvoiceRunProcess.ORDER_IDS,
                new ArrayList<>(List.of(order.id())), InvoiceRunProcess.CONSOLIDATED, false));
        people.runJobs(run);
        return run;
    }

    private Invoice invoicedByARun(Order order) {
        ProcessInstance run = startRun(order);
        people.runInvoiceRun(run);
        return fixtures.invoicesOfRun(run.getBusinessKey()).get(0);
    }

    /** Send again as the page's button sends it: with the CSRF token and what the page showed of the mail. */
    private static HttpResponse<String> sendAgain(WebSession session, String invoicePage) {
        String page = session.get(invoicePage).body();
        java.util.regex.Matcher seen = java.util.regex.Pattern.compile("name=\"seen\" value=\"([^\"]*)\"").matcher(page);
        return session.postForm(invoicePage + "/send-again", "_csrf=" + session.csrfToken(invoicePage)
                + "&seen=" + WebSession.encode(seen.find() ? seen.group(1) : ""));
    }

    /** Send again from a page as it was shown earlier (its hidden "seen" field); the page then shown. */
    private static String postWithPageShown(WebSession session, String invoicePage, String shown) {
        java.util.regex.Matcher seen = java.util.regex.Pattern.compile("name=\"seen\" value=\"([^\"]*)\"").matcher(shown);
        assertThat(seen.find()).isTrue();
        session.postForm(invoicePage + "/send-again", "_csrf=" + session.csrfToken(invoicePage)
                + "&seen=" + WebSession.encode(seen.group(1)));
        return session.get(invoicePage).body();
    }

    private static String sendAgainAndRead(WebSession session, String invoicePage) {
        sendAgain(session, invoicePage);
        return session.get(invoicePage).body();
    }

    private static List<MimeMessage> mailTo(String recipient) {
        return Arrays.stream(TestMailServer.server().getReceivedMessages()).filter(message -> {
            try {
                return message.getRecipients(Message.RecipientType.TO)[0].toString().equals(recipient);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void accountingFindsAnInvoiceByCustomerOpensItAndDownloadsThePdfTheCustomerGot() {
        Order vandelay = deliveredOrder("Vandelay Industries", "2");
        Invoice invoice = invoicedByARun(vandelay);
        Invoice other = invoicedByARun(deliveredOrder("Kramerica", "1"));
        WebSession alice = signedIn("alice");

        assertThat(alice.get(url("/")).body()).as("the landing page").contains("/tandem/invoices");
        String found = alice.get(url("/tandem/invoices?customer=" + WebSession.encode("vandelay"))).body();
        assertThat(found).contains(invoice.getNumber(), vandelay.customer().getName(), "160.00")
                .doesNotContain(other.getNumber());
        assertThat(alice.get(url("/tandem/invoices?number=" + WebSession.encode(invoice.getNumber().toLowerCase())))
                .body()).contains("1 document · posted: untaxed 160.00", invoice.getNumber());

        String page = alice.get(url("/tandem/invoices/" + invoice.getId())).body();
        assertThat(page).contains("Invoice " + invoice.getNumber(), vandelay.number(), "160.00",
                "Sent to " + vandelay.customer().mailAddress(), "Download the PDF", "Send again");

        HttpResponse<byte[]> pdf = alice.download(url("/tandem/invoices/" + invoice.getId() + "/pdf"));
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow())
                .contains(invoice.getNumber().replace('/', '-') + ".pdf");
        OutboundMail mail = mails.findById(invoices.findById(invoice.getId()).orElseThrow().getMailId()).orElseThrow();
        assertThat(pdf.body()).as("the very PDF the customer received").isEqualTo(mail.getAttachment());

        assertThat(alice.get(url("/tandem/invoice-runs/" + invoice.getInvoiceRun())).body())
                .as("the run page links its invoices").contains("href=\"/tandem/invoices/" + invoice.getId() + "\"");
        Order more = deliveredOrder("Vandelay Industries", "1");
        assertThat(alice.get(url("/tandem/to-invoice?customer=" + WebSession.encode(more.customer().getName()))).body())
                .as("the To-Invoice page links each order to its invoices")
                .contains("href=\"/tandem/invoices?order=" + more.number() + "\"");
    }

    @Test
    void theSearchFiltersByOrderStateDateAndAmountAndTotalsWhatItFoundWithCreditNotesSubtracting() {
        Order order = deliveredOrder("Pendant Publishing", "1");
        fixtures.log(fixtures.employee(), fixtures.line(order.id()), "1");
        Invoice invoice = invoicedByARun(order);
        Long entry = fixtures.view(invoice.getId()).lines().get(0).entryIds().get(0);
        Invoice credit = invoicing.post(creditNotes.create(invoice.getId(), Set.of(entry)).getId());
        Long draftOrder = deliveredOrder("Pendant Publishing draft", "3").id();
        Invoice draft = invoicing.createInvoice(draftOrder, TimesheetsPeriod.ALL, false);
        WebSession alice = signedIn("alice");

        String byOrder = alice.get(url("/tandem/invoices?order=" + order.number().toLowerCase())).body();
        assertThat(byOrder).contains(invoice.getNumber(), credit.getNumber(), "(credit note)")
                .contains("2 documents · posted: untaxed 80.00 · ");
        String today = BillingFixtures.today().toString();
        assertThat(alice.get(url("/tandem/invoices?customer=pendant&state=posted&from=" + today + "&to=" + today
                + "&min=150&max=160")).body()).contains("1 document · posted: untaxed 160.00", invoice.getNumber())
                .doesNotContain(credit.getNumber());
        assertThat(alice.get(url("/tandem/invoices?customer=pendant&state=draft")).body())
                .contains("1 document · posted: untaxed 0.00", "Draft " + draft.getId(), "240.00");
        assertThat(alice.get(url("/tandem/invoices?customer=pendant&to=2000-01-01")).body())
                .contains("0 documents", "No invoice or credit note matches.");

        assertThat(alice.get(url("/tandem/invoices/" + invoice.getId())).body())
                .contains("Credit notes", "href=\"/tandem/invoices/" + credit.getId() + "\"", credit.getNumber());
        assertThat(alice.get(url("/tandem/invoices/" + credit.getId())).body())
                .contains("Credit note " + credit.getNumber(), "Reverses",
                        "href=\"/tandem/invoices/" + invoice.getId() + "\"");
    }

    @Test
    void whatCannotBeReadIsNamedAndTheSearchRunsWithoutIt() {
        WebSession alice = signedIn("alice");
        var response = alice.get(url("/tandem/invoices?state=paid&from=yesterday&min=12abc&max=1e400"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(
                "State: no state is called &quot;paid&quot; (draft, posted or cancelled). The search ran without it.",
                "From: &quot;yesterday&quot; is not a date (year-month-day, e.g. 2026-12-31).",
                "Amount from: &quot;12abc&quot; is not an amount (e.g. 1250.50).",
                "Amount to: &quot;1e400&quot; is not an amount");
        assertThat(alice.get(url("/tandem/invoices/999999999")).statusCode()).isEqualTo(404);
        var farPage = alice.get(url("/tandem/invoices?page=2147483647"));
        assertThat(farPage.statusCode()).as("a page past the end shows the last one").isEqualTo(200);
        assertThat(farPage.body()).containsPattern("page (\\d+) of \\1");
    }

    @Test
    void auditorsReadInvoicesButCannotSendThemAndOtherPeopleCannotOpenThem() {
        Invoice invoice = invoicedByARun(deliveredOrder("Monk's Cafe", "1"));
        WebSession audrey = signedIn("audrey");
        String page = audrey.get(url("/tandem/invoices/" + invoice.getId())).body();
        assertThat(page).contains("Invoice " + invoice.getNumber()).doesNotContain("Send again");
        assertThat(audrey.download(url("/tandem/invoices/" + invoice.getId() + "/pdf")).statusCode()).isEqualTo(200);
        String token = audrey.csrfToken(url("/tandem/invoices/" + invoice.getId()));
        assertThat(audrey.postForm(url("/tandem/invoices/" + invoice.getId() + "/send-again"), "_csrf=" + token)
                .statusCode()).isEqualTo(403);

        WebSession hannah = signedIn("hannah");
        assertThat(hannah.get(url("/tandem/invoices")).statusCode()).isEqualTo(403);
        assertThat(hannah.download(url("/tandem/invoices/" + invoice.getId() + "/pdf")).statusCode()).isEqualTo(403);
    }

    @Test
    void aMailThatFailedIsShownWithItsErrorAndSentAgainOnceTheServerIsBack() {
        Order order = deliveredOrder("Sunshine Carpets", "1");
        ProcessInstance run = startRun(order);
        Invoice invoice = fixtures.invoicesOfRun(run.getBusinessKey()).get(0);
        ProcessInstance sending = runtime.createProcessInstanceQuery().processDefinitionKey(SendInvoiceProcess.KEY)
                .variableValueEquals(InvoiceRunProcess.RUN_NUMBER, run.getBusinessKey()).singleResult();
        people.runNextJob(sending);
        Job send = management.createJobQuery().processInstanceId(sending.getId()).singleResult();
        int smtpPort = mailSender.getPort();
        mailSender.setPort(closedPort());
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThatThrownBy(() -> management.executeJob(send.getId())).hasStackTraceContaining("could not be sent");
            }
        } finally {
            mailSender.setPort(smtpPort);
        }
        assertThat(runtime.createIncidentQuery().processInstanceId(sending.getId()).count()).isOne();
        WebSession alice = signedIn("alice");
        String invoicePage = url("/tandem/invoices/" + invoice.getId());
        assertThat(alice.get(invoicePage).body()).contains("Not sent to " + order.customer().mailAddress()
                + " yet: 3 failed attempts, the last: ");

        var sent = sendAgain(alice, invoicePage);
        assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/tandem/invoices/" + invoice.getId());
        assertThat(alice.get(invoicePage).body()).contains(invoice.getNumber() + ": the mail is tried again now.");
        assertThat(runtime.createIncidentQuery().processInstanceId(sending.getId()).count()).as("solved").isZero();
        people.runJobs(sending);
        people.runInvoiceRun(run);

        assertThat(mailTo(order.customer().mailAddress())).hasSize(1);
        assertThat(alice.get(invoicePage).body()).contains("Sent to " + order.customer().mailAddress(), "4 attempts");
        assertThat(alice.get(url("/tandem/invoice-runs/" + run.getBusinessKey())).body())
                .as("the run waited for the mail and finished").contains("1 mailed", "Done.");
    }

    /** Invoices of the order processes are printed and mailed in those processes, not by an invoice run. */
    @Test
    void aMailThatFailedInTheOrdersOwnProcessIsSentAgainFromThePageToo() throws Exception {
        Customer customer = fixtures.customer();
        ProcessInstance order = people.sellPostpaid(customer.getName(), fixtures.postpaid("80").getCode(), 10);
        Long orderId = (Long) runtime.getVariable(order.getId(), InvoicingVariables.ORDER_ID);
        fixtures.log(fixtures.employee(), fixtures.line(orderId), "2");
        people.complete(order, "alice", Map.of(PostpaidSupportProcess.ACTION, PostpaidSupportProcess.INVOICE));
        people.complete(order, "alice", Map.of(InvoicingVariables.REVIEW, InvoicingVariables.APPROVE));
        people.runNextJob(order);
        Job send = management.createJobQuery().processInstanceId(order.getId())
                .activityId(SendInvoiceProcess.SEND_STEP_ID).singleResult();
        int smtpPort = mailSender.getPort();
        mailSender.setPort(closedPort());
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThatThrownBy(() -> management.executeJob(send.getId())).hasStackTraceContaining("could not be sent");
            }
        } finally {
            mailSender.setPort(smtpPort);
        }
        Long invoiceId = (Long) runtime.getVariable(order.getId(), InvoicingVariables.INVOICE_ID);
        WebSession alice = signedIn("alice");
        String invoicePage = url("/tandem/invoices/" + invoiceId);
        assertThat(alice.get(invoicePage).body()).contains("3 failed attempts");

        assertThat(sendAgainAndRead(alice, invoicePage)).contains(": the mail is tried again now.");
        assertThat(runtime.createIncidentQuery().processInstanceId(order.getId()).count()).isZero();
        people.runJobs(order);
        assertThat(mailTo(customer.getEmail())).hasSize(1);
        assertThat(alice.get(invoicePage).body()).contains("Sent to " + customer.getEmail(), "4 attempts");
    }

    @Test
    void sendAgainMailsTheSameDocumentOnceMoreThroughTheOutboxAndRefusesWhatIsNotPosted() throws Exception {
        Order order = deliveredOrder("Peterman Catalog", "1");
        Invoice invoice = invoicedByARun(order);
        Long firstMail = invoices.findById(invoice.getId()).orElseThrow().getMailId();
        WebSession alice = signedIn("alice");
        String invoicePage = url("/tandem/invoices/" + invoice.getId());

        String shownBefore = alice.get(invoicePage).body();
        sendAgain(alice, invoicePage);
        assertThat(alice.get(invoicePage).body()).contains(invoice.getNumber() + " is sent again to "
                + order.customer().mailAddress() + ".");
        assertThat(postWithPageShown(alice, invoicePage, shownBefore)).as("a second click on the page shown before")
                .contains("The mail of " + invoice.getNumber() + " changed since its page was shown: look at it again.");
        assertThat(sendAgainAndRead(alice, invoicePage)).as("while the copy is on its way")
                .contains(invoice.getNumber() + " is still being sent: wait for it, or for its failure.");
        ProcessInstance again = runtime.createProcessInstanceQuery().processDefinitionKey(SendInvoiceProcess.KEY)
                .processInstanceBusinessKey(invoice.getNumber()).active().list().stream()
                .filter(instance -> !instance.isEnded()).findFirst().orElseThrow();
        people.runJobs(again);

        List<MimeMessage> received = mailTo(order.customer().mailAddress());
        assertThat(received).hasSize(2);
        assertThat(received.get(1).getSubject()).isEqualTo(received.get(0).getSubject());
        assertThat(invoices.findById(invoice.getId()).orElseThrow().getMailId())
                .as("the first mail stays the invoice's: its run counts it mailed").isEqualTo(firstMail);
        OutboundMail copy = mails.findByCopyOfOrderById(firstMail).get(0);
        assertThat(copy.getAttachment()).isEqualTo(mails.findById(firstMail).orElseThrow().getAttachment());
        assertThat(alice.get(invoicePage).body()).contains("Sent again to " + order.customer().mailAddress() + " on ");
        assertThat(alice.get(url("/tandem/invoice-runs/" + invoice.getInvoiceRun())).body()).contains("1 mailed");

        Invoice draft = invoicing.createInvoice(deliveredOrder("Peterman draft", "1").id(), TimesheetsPeriod.ALL, false);
        String draftPage = url("/tandem/invoices/" + draft.getId());
        assertThat(alice.get(draftPage).body()).contains("Preview the PDF (marked as a draft)")
                .doesNotContain("Send again");
        alice.postForm(draftPage + "/send-again", "_csrf=" + alice.csrfToken(url("/tandem/invoices")));
        assertThat(alice.get(draftPage).body())
                .contains("Only a posted invoice is sent to the customer; this one is draft.");
        try (PDDocument pdf = Loader.loadPDF(alice.download(draftPage + "/pdf").body())) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
                    .contains("Invoice (draft)", "DRAFT, not a valid invoice");
        }
        invoicing.cancelDraft(draft.getId());
        assertThat(alice.get(draftPage).body()).contains("Preview the PDF (marked as a cancelled draft)");
        try (PDDocument pdf = Loader.loadPDF(alice.download(draftPage + "/pdf").body())) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
                    .contains("CANCELLED DRAFT, not a valid invoice: it was never posted.");
        }
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

package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import dev.tandem.BillingFixtures;
import dev.tandem.SupportProcesses;
import dev.tandem.TandemIntegrationTest;
import dev.tandem.TestMailServer;
import dev.tandem.catalog.Customer;
import dev.tandem.catalog.CustomerRepository;
import dev.tandem.invoicing.Invoice;
import dev.tandem.invoicing.InvoiceRepository;
import dev.tandem.invoicing.process.InvoiceRunProcess;
import dev.tandem.invoicing.process.SendInvoiceProcess;

/** Alice finds an invoice whose mail failed, in Chromium, downloads it and sends it again once the mail server is back. */
@TandemIntegrationTest
@Tag("browser")
class InvoicesBrowserTest {

    @LocalServerPort int port;
    @Autowired BillingFixtures fixtures;
    @Autowired SupportProcesses people;
    @Autowired CustomerRepository customers;
    @Autowired InvoiceRepository invoices;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired JavaMailSenderImpl mailSender;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void aliceFindsAnInvoiceByCustomerDownloadsItAndSendsItAgainOnceTheMailServerIsBack() throws Exception {
        Customer customer = customers.save(new Customer("Dunder Mifflin " + System.nanoTime(), "accounts@dunder.example",
                "1725 Slough Avenue", BillingFixtures.ZONE, "en"));
        Long order = fixtures.confirmedOrder(customer, fixtures.postpaid("80"), "10");
        fixtures.log(fixtures.employee(), fixtures.line(order), "1.5");
        ProcessInstance run = people.startAs("alice", InvoiceRunProcess.KEY, Map.of(InvoiceRunProcess.ORDER_IDS,
                new ArrayList<>(List.of(order)), InvoiceRunProcess.CONSOLIDATED, false));
        people.runJobs(run);
        Invoice invoice = fixtures.invoicesOfRun(run.getBusinessKey()).get(0);
        ProcessInstance sending = runtime.createProcessInstanceQuery().processDefinitionKey(SendInvoiceProcess.KEY)
                .variableValueEquals(InvoiceRunProcess.RUN_NUMBER, run.getBusinessKey()).singleResult();
        people.runNextJob(sending);
        mailServerDownFor(management.createJobQuery().processInstanceId(sending.getId()).singleResult());
        TestMailServer.server().purgeEmailFromAllMailboxes();

        try (Browser browser = new Browser()) {
            try {
                browser.driver.get(url("/"));
                browser.visible(By.name("username")).sendKeys("alice");
                browser.driver.findElement(By.name("password")).sendKeys("alice");
                browser.driver.findElement(By.id("login")).click();
                browser.clickable(By.linkText("Invoices")).click();
                browser.type(By.name("customer"), "dunder mifflin");
                browser.clickable(By.cssSelector("#search button")).click();
                browser.waitForTextContaining(By.id("count"), "1 document · posted: untaxed 120.00");
                browser.screenshot("invoices-found");
                browser.clickable(By.linkText(invoice.getNumber())).click();

                browser.waitForTextContaining(By.id("mail"), "Not sent to accounts@dunder.example yet: 3 failed attempts");
                browser.screenshot("invoice-mail-failed");
                String pdfUrl = browser.visible(By.id("pdf")).getDomProperty("href");
                try (PDDocument pdf = Loader.loadPDF(browser.downloadPdf(pdfUrl))) {
                    assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
                            .contains("Invoice " + invoice.getNumber(), customer.getName(), "120.00");
                }

                browser.clickable(By.id("send-again")).click();
                browser.waitForText(By.id("message"), invoice.getNumber() + ": the mail is tried again now.");
                people.runJobs(sending);
                browser.driver.navigate().refresh();
                browser.waitForTextContaining(By.id("mail"), "Sent to accounts@dunder.example on ");
                browser.screenshot("invoice-sent-again");
            } finally {
                browser.screenshot("invoices-last");
            }
        }
        assertThat(TestMailServer.server().getReceivedMessages()).hasSize(1);
    }

    /** The send job fails three times, as with the mail server down, and ends as an incident. */
    private void mailServerDownFor(Job send) {
        int smtpPort = mailSender.getPort();
        try (ServerSocket closed = new ServerSocket(0)) {
            mailSender.setPort(closed.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThatThrownBy(() -> management.executeJob(send.getId())).hasStackTraceContaining("could not be sent");
            }
        } finally {
            mailSender.setPort(smtpPort);
        }
    }
}

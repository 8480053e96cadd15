package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.BillingFixtures;
import dev.tandem.TandemIntegrationTest;
import dev.tandem.audit.AuditStories;
import dev.tandem.invoicing.Invoice;
import dev.tandem.invoicing.InvoiceRepository;
import dev.tandem.invoicing.CreditNotes;
import dev.tandem.invoicing.InvoicingService;

/**
 * Audrey, an auditor, uses only Cockpit: she opens a finished intervention on Tandem's Audit page
 * and sees its path and variables, then asks why an invoice bills 4.5 hours, who recorded them
 * and who approved it.
 */
@TandemIntegrationTest
@Tag("browser")
class AuditCockpitBrowserTest {

    @LocalServerPort int port;
    @Autowired AuditStories stories;
    @Autowired InvoiceRepository invoices;
    @Autowired InvoicingService invoicing;
    @Autowired CreditNotes creditNotes;
    @Autowired BillingFixtures fixtures;
    @Autowired HistoryService history;

    @Test
    void anAuditorFollowsAFinishedInterventionAndAnInvoicesLineageInCockpit() {
        ProcessInstance intervention = stories.finishedIntervention();
        AuditStories.BilledTicketTime invoice = stories.fourAndAHalfHoursApprovedByAlice();
        Invoice billed = invoices.findByNumber(invoice.invoiceNumber()).orElseThrow();
        String customer = invoices.findWithCustomer(List.of(billed.getId())).get(0).getCustomer().getName();
        Long firstEntry = fixtures.view(billed.getId()).lines().get(0).entryIds().get(0);
        Invoice credit = invoicing.post(creditNotes.create(billed.getId(), Set.of(firstEntry)).getId());
        String started = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(history.createHistoricProcessInstanceQuery()
                .processInstanceId(intervention.getId()).singleResult().getStartTime().toInstant()
                .atZone(BillingFixtures.ZONE));
        String base = "http://localhost:" + port;

        try (Browser browser = new Browser()) {
            try {
                browser.login(base, "cockpit", "audrey", "audrey");
                browser.clickable(By.linkText("Audit")).click();

                new Select(browser.visible(By.name("definition"))).selectByValue("field-service");
                browser.type(By.name("businessKey"), intervention.getBusinessKey());
                browser.clickable(By.name("finished")).click();
                browser.clickable(By.cssSelector("#tandem-search button")).click();
                browser.clickable(By.linkText(intervention.getBusinessKey())).click();

                assertThat(shown(browser, "tandem-instance-title")).contains("Field service", intervention.getBusinessKey());
                assertThat(shown(browser, "tandem-path"))
                        .contains("Start work on site", "Customer signs", "Mark as done", "theo");
                assertThat(shown(browser, "tandem-variables"))
                        .contains("fieldTaskNumber", intervention.getBusinessKey(), "Filter replaced, airflow normal");
                assertThat(shown(browser, "tandem-operations")).contains("Complete");
                assertThat(shown(browser, "tandem-instance-facts")).as("on the company's clock, not the browser's")
                        .contains("started " + started);
                assertThat(shown(browser, "tandem-zone")).isEqualTo("Times and dates in Europe/Brussels, the company's time zone.");
                browser.screenshot("cockpit-audit-instance");

                browser.clickable(By.linkText("Audit")).click();
                browser.type(By.name("invoice"), invoice.invoiceNumber());
                browser.clickable(By.cssSelector("#tandem-invoice button")).click();

                assertThat(shown(browser, "tandem-hours")).isEqualTo("Time billed: 4:30 h · 4.50 h from 2 timesheet entries.");
                assertThat(shown(browser, "tandem-entries"))
                        .contains(invoice.recordedBy().getName(), invoice.recordedBy().getUserId(),
                                "Restored the mail server", "3.00 h", "1.50 h");
                assertThat(shown(browser, "tandem-processes")).contains("Review draft invoice: alice");
                assertThat(shown(browser, "tandem-credit-notes")).contains(credit.getNumber(), "POSTED");
                assertThat(browser.present(By.id("tandem-invoice-page")).getDomAttribute("href"))
                        .isEqualTo("/tandem/invoices/" + billed.getId());
                browser.screenshot("cockpit-audit-invoice");

                browser.clickable(By.linkText("Audit")).click();
                new Select(browser.visible(By.name("entity"))).selectByValue("Invoice");
                browser.type(By.name("by"), "alice");
                browser.clickable(By.cssSelector("#tandem-trail button")).click();
                assertThat(shown(browser, "tandem-trail-rows")).contains("alice", "state", "DRAFT", "POSTED",
                        "Invoice " + invoice.invoiceNumber(), customer)
                        .as("records and the records they refer to by number and name")
                        .doesNotContain("Invoice " + billed.getId() + " ", "Z ");
            } finally {
                browser.screenshot("cockpit-audit-last");
            }
        }
    }

    /**
     * The text of a part of the audit page, whole: Cockpit scrolls its content in a box that hides
     * what is scrolled out, and Selenium's visible text would leave that out.
     */
    private static String shown(Browser browser, String id) {
        WebElement part = browser.present(By.id(id));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'start'});", part);
        return part.getDomProperty("textContent").replaceAll("\\s+", " ").strip();
    }
}

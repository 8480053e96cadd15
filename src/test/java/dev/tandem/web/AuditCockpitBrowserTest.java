package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.TandemIntegrationTest;
import dev.tandem.audit.AuditStories;

/**
 * Audrey, an auditor, uses only Cockpit: she opens a finished intervention on Tandem's Audit page
 * and sees its path and variables, then asks why an invoice bills 4.5 hours, who recorded them
 * and who approved it.
 */
@TandemIntegrationTest
class AuditCockpitBrowserTest {

    @LocalServerPort int port;
    @Autowired AuditStories stories;

    @Test
    void anAuditorFollowsAFinishedInterventionAndAnInvoicesLineageInCockpit() {
        ProcessInstance intervention = stories.finishedIntervention();
        AuditStories.BilledTicketTime invoice = stories.fourAndAHalfHoursApprovedByAlice();
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
                browser.screenshot("cockpit-audit-instance");

                browser.clickable(By.linkText("Audit")).click();
                browser.type(By.name("invoice"), invoice.invoiceNumber());
                browser.clickable(By.cssSelector("#tandem-invoice button")).click();

                assertThat(shown(browser, "tandem-hours")).isEqualTo("Time billed: 4:30 h · 4.50 h from 2 timesheet entries.");
                assertThat(shown(browser, "tandem-entries"))
                        .contains(invoice.recordedBy().getName(), invoice.recordedBy().getUserId(),
                                "Restored the mail server", "3.00 h", "1.50 h");
                assertThat(shown(browser, "tandem-processes")).contains("Review draft invoice: alice");
                browser.screenshot("cockpit-audit-invoice");

                browser.clickable(By.linkText("Audit")).click();
                new Select(browser.visible(By.name("entity"))).selectByValue("Invoice");
                browser.type(By.name("by"), "alice");
                browser.clickable(By.cssSelector("#tandem-trail button")).click();
                assertThat(shown(browser, "tandem-trail-rows")).contains("alice", "state", "DRAFT", "POSTED",
                        invoice.invoiceNumber());
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

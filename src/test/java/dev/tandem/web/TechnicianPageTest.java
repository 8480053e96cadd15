package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.SupportProcesses;
import dev.tandem.TandemIntegrationTest;
import dev.tandem.TestClock;
import dev.tandem.fieldservice.process.FieldServiceProcess;

/** Theo works his interventions from the technician page and the customer signs there, in Chromium. */
@TandemIntegrationTest
@Tag("browser")
class TechnicianPageTest {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired SupportProcesses people;
    @Autowired TestClock clock;

    @Test
    void theTechnicianRunsTheWholeInterventionOnAPhone() {
        init(engine);
        ProcessInstance intervention = people.interventionForTheo("Server room", "Rack check");
        String customer = (String) engine.getRuntimeService().getVariable(intervention.getId(),
                FieldServiceProcess.CUSTOMER_NAME);
        By card = By.id("task-" + intervention.getBusinessKey());

        try (Browser browser = Browser.phone()) {
            try {
                // The page bookmarked on the phone: the login comes first, then the page itself.
                browser.signIn("http://localhost:" + port + "/tandem/technician", "theo");

                browser.waitForTextContaining(card, customer, "Server room", "Start work on site");
                press(browser, card, "START");
                browser.waitForTextContaining(card, "Timer running");
                assertThat(intervention).isWaitingAt(FieldServiceProcess.USER_TASK_TIMER_RUNNING);
                String clockShown = browser.text(By.cssSelector("#task-%s .clock".formatted(intervention.getBusinessKey())));
                assertThat(clockShown).matches("\\d+:\\d{2}:\\d{2}");
                new WebDriverWait(browser.driver, Duration.ofSeconds(5)).until(driver -> !clockShown.equals(
                        driver.findElement(By.cssSelector("#task-%s .clock".formatted(intervention.getBusinessKey())))
                                .getText()));
                browser.screenshot("technician-running");
                assertThat(browser.scrollWidth()).as("fits a 390 px phone").isLessThanOrEqualTo(390);

                press(browser, card, "PAUSE");
                browser.waitForTextContaining(card, "Timer paused");
                press(browser, card, "RESUME");
                browser.waitForTextContaining(card, "Timer running");
                press(browser, card, "STOP");

                browser.waitForTextContaining(card, "Confirm time spent", "Actual time", "billed 0:15 h");
                assertThat(intervention).isWaitingAt(FieldServiceProcess.USER_TASK_CONFIRM_TIME)
                        .variables().containsEntry(FieldServiceProcess.BILLED_MINUTES, 15);
                press(browser, card, "CONFIRM");
                assertThat(intervention).as("what was done is required, as in Tasklist")
                        .isWaitingAt(FieldServiceProcess.USER_TASK_CONFIRM_TIME);
                browser.type(By.name("timeDescription"), "Re-seated the rack's power supply");
                browser.screenshot("technician-confirm-time");
                press(browser, card, "CONFIRM");

                browser.waitForTextContaining(card, "Fill worksheet", "0:15 h · 0.25 h recorded on");
                browser.type(By.name("worksheetNotes"), "Power supply loose; fixed and tested");
                Select material = new Select(browser.visible(By.name("material1Code")));
                assertThat(material.getOptions()).extracting(WebElement::getText)
                        .anyMatch(label -> label.startsWith("Network cable (5 m) (CABLE) · ") && label.endsWith(" in stock"));
                material.selectByValue("CABLE");
                browser.type(By.name("material1Quantity"), "2");
                browser.screenshot("technician-worksheet");
                assertThat(browser.scrollWidth()).as("fits a 390 px phone").isLessThanOrEqualTo(390);
                press(browser, card, "SAVE");

                browser.waitForTextContaining(card, "Customer signs", "materials recorded on the order: 2 × Network cable (5 m)");
                assertThat(intervention).isWaitingAt(FieldServiceProcess.USER_TASK_CUSTOMER_SIGNS).variables()
                        .containsEntry(FieldServiceProcess.MATERIALS_USED, "2 × Network cable (5 m)");
                assertThat(browser.visible(card).findElement(By.cssSelector("a.sign")).getAttribute("href"))
                        .endsWith("/tandem/field-tasks/%s/signature".formatted(intervention.getBusinessKey()));
                browser.visible(card).findElement(By.cssSelector("a.sign")).click();
                browser.waitForTextContaining(By.tagName("main"), "Power supply loose; fixed and tested",
                        "2 × Network cable (5 m)");
                browser.visible(By.id("pad"));
                assertThat(browser.scrollWidth()).as("the signature page fits the phone").isLessThanOrEqualTo(390);
                browser.screenshot("technician-signature-phone");
            } finally {
                browser.screenshot("technician-last");
            }
        }
    }

    @Test
    void theCustomerSignsOnTheTechniciansDeviceThenTheSignedReportAndAddTimeFollow() throws Exception {
        init(engine);
        ProcessInstance intervention = people.interventionForTheo("Boiler room", "Yearly check");
        String number = intervention.getBusinessKey();
        clock.set(Instant.now().minus(Duration.ofMinutes(40)));
        theo(intervention, Map.of());
        clock.reset();
        theo(intervention, Map.of(FieldServiceProcess.TIMER_ACTION, FieldServiceProcess.STOP));
        theo(intervention, Map.of(FieldServiceProcess.TIME_DESCRIPTION, "Checked the burner"));
        theo(intervention, Map.of(FieldServiceProcess.WORKSHEET_NOTES, "Burner clean, pressure 1.5 bar"));
        By card = By.id("task-" + number);

        try (Browser browser = new Browser()) {
            try {
                String base = "http://localhost:" + port;
                browser.login(base, "tasklist", "theo", "theo");
                String step = engine.getTaskService().createTaskQuery().processInstanceId(intervention.getId())
                        .singleResult().getId();
                browser.openTask(base, step);
                browser.clickCentered(By.cssSelector(".fjs-container a[href*='/tandem/field-tasks/%s/signature']"
                        .formatted(number)));
                // The Tasklist login serves Tandem's page too: no second login.
                browser.waitForTextContaining(By.tagName("main"), "Checked the burner", "Burner clean, pressure 1.5 bar");
                assertThat(browser.driver.getCurrentUrl()).endsWith("/tandem/field-tasks/%s/signature".formatted(number));
                browser.clickable(By.id("sign")).click();
                assertThat(browser.visible(By.id("error")).getText()).isEqualTo("Write the name of the person who signs.");

                WebElement pad = browser.visible(By.id("pad"));
                new Actions(browser.driver).moveToElement(pad, -150, 10).clickAndHold()
                        .moveByOffset(60, -30).moveByOffset(60, 40).moveByOffset(80, -20).release().perform();
                browser.type(By.id("signerName"), "Carla Customer");
                browser.screenshot("signature-drawn");
                browser.clickable(By.id("sign")).click();

                assertThat(browser.visible(By.id("message")).getText()).isEqualTo("Signed by Carla Customer. Thank you.");
                assertThat(browser.visible(By.id("signed")).getText()).contains("Signed by Carla Customer");
                assertThat(browser.driver.findElements(By.id("sign-form"))).as("signed as it is: no second signature")
                        .isEmpty();
                assertThat(intervention).isWaitingAt(FieldServiceProcess.SERVICE_TASK_PRINT_REPORT);

                String reportUrl = browser.visible(By.id("report")).getAttribute("href");
                try (PDDocument pdf = Loader.loadPDF(browser.downloadPdf(reportUrl))) {
                    assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
                            .contains("Worksheet " + number, "Carla Customer", "Burner clean, pressure 1.5 bar");
                    var resources = pdf.getPage(0).getResources();
                    assertThat(resources.getXObjectNames()).as("the drawing is printed on the report")
                            .anyMatch(name -> isImage(resources, name));
                }

                people.runJobs(intervention);
                browser.driver.get(base + "/tandem/technician");
                browser.waitForTextContaining(card, "Mark as done");
                press(browser, card, FieldServiceProcess.DONE);
                WebElement done = browser.visible(By.id("done-" + number));
                assertThat(intervention).isEnded();
                done.findElement(By.cssSelector("button.add-time")).click();
                browser.waitForTextContaining(card, "Timer running");
            } finally {
                browser.screenshot("signature-last");
            }
        }
    }

    /** Theo completes the step his intervention waits on, as Tasklist would. */
    private void theo(ProcessInstance intervention, Map<String, Object> form) {
        var task = engine.getTaskService().createTaskQuery().processInstanceId(intervention.getId()).singleResult();
        engine.getTaskService().complete(task.getId(), form);
    }

    private static boolean isImage(PDResources resources, COSName name) {
        try {
            return resources.getXObject(name) instanceof PDImageXObject;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void press(Browser browser, By card, String action) {
        WebElement button = browser.visible(card).findElement(By.cssSelector("button.action." + action));
        assertThat(button.getSize().getHeight()).as("a button to hit with a thumb").isGreaterThan(50);
        button.click();
    }
}

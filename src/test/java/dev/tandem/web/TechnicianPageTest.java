package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.BillingFixtures;
import dev.tandem.SupportProcesses;
import dev.tandem.TandemIntegrationTest;
import dev.tandem.catalog.Customer;
import dev.tandem.fieldservice.process.FieldServiceProcess;

/** Theo drives the timer of an intervention from the technician page, in Chromium. */
@TandemIntegrationTest
class TechnicianPageTest {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired BillingFixtures fixtures;
    @Autowired SupportProcesses people;

    @Test
    void theTechnicianStartsPausesResumesAndStopsTheTimerWithBigButtons() {
        init(engine);
        Customer customer = fixtures.customer();
        Long order = fixtures.confirmedOrder(customer, fixtures.postpaid("80"), "10");
        ProcessInstance intervention = people.startAs("sam", FieldServiceProcess.KEY, Map.of(
                FieldServiceProcess.CUSTOMER_NAME, customer.getName(),
                FieldServiceProcess.ORDER_NUMBER, fixtures.orderNumber(order),
                FieldServiceProcess.TECHNICIAN, "theo", FieldServiceProcess.SITE, "Server room",
                FieldServiceProcess.PLANNED_DATE, BillingFixtures.today().toString()));
        By card = By.id("task-" + intervention.getBusinessKey());

        try (Browser browser = new Browser()) {
            try {
                browser.driver.get("http://localhost:" + port + "/tandem/login");
                browser.visible(By.name("username")).sendKeys("theo");
                browser.driver.findElement(By.name("password")).sendKeys("theo");
                browser.driver.findElement(By.id("login")).click();

                assertThat(browser.visible(card).getText()).contains(customer.getName(), "Server room",
                        "Start work on site");
                press(browser, card, "START");
                assertThat(browser.visible(card).getText()).contains("Timer running", "min counted");
                assertThat(intervention).isWaitingAt(FieldServiceProcess.USER_TASK_TIMER_RUNNING);
                browser.screenshot("technician-running");

                press(browser, card, "PAUSE");
                assertThat(browser.visible(card).getText()).contains("Timer paused");
                press(browser, card, "RESUME");
                assertThat(browser.visible(card).getText()).contains("Timer running");
                press(browser, card, "STOP");

                assertThat(browser.visible(card).getText()).contains("Confirm time spent", "Continue in Tasklist");
                assertThat(intervention).isWaitingAt(FieldServiceProcess.USER_TASK_CONFIRM_TIME)
                        .variables().containsEntry(FieldServiceProcess.BILLED_MINUTES, 15);
            } finally {
                browser.screenshot("technician-last");
            }
        }
    }

    private static void press(Browser browser, By card, String action) {
        WebElement button = browser.visible(card).findElement(By.cssSelector("button.action." + action));
        assertThat(button.getSize().getHeight()).as("a button to hit with a thumb").isGreaterThan(50);
        button.click();
    }
}

package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.BillingFixtures;
import dev.tandem.SupportProcesses;
import dev.tandem.TandemIntegrationTest;
import dev.tandem.TestMailServer;
import dev.tandem.catalog.Customer;
import dev.tandem.sales.SalesOrder;
import dev.tandem.sales.SalesOrderRepository;
import dev.tandem.sales.process.PrepaidSupportProcess;
import dev.tandem.sales.process.QuotationProcess;

/** Sam, in Tasklist in Chromium, sends the quotation he proposed and records that the customer accepted it. */
@TandemIntegrationTest
@Tag("browser")
class QuotationBrowserTest {

    @LocalServerPort int port;
    @Autowired BillingFixtures fixtures;
    @Autowired SupportProcesses people;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired SalesOrderRepository orders;

    private Task waitingTask(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    @Test
    void samSendsAQuotationAndConfirmsItWhenTheCustomerAccepts() throws Exception {
        Customer customer = fixtures.customer();
        ProcessInstance order = people.sellPrepaid(customer.getName(), fixtures.prepaid("100").getCode(), 10);
        ProcessInstance quotation = people.proposeFiveMoreHours(order, customer.getName());
        String number = quotation.getBusinessKey();
        TestMailServer.server().purgeEmailFromAllMailboxes();
        String base = "http://localhost:" + port;

        try (Browser browser = new Browser()) {
            try {
                browser.login(base, "tasklist", "sam", "sam");
                Task send = waitingTask(quotation);
                browser.openTask(base, send.getId());
                browser.visible(By.cssSelector(".fjs-container"));
                assertThat(browser.formText()).contains("Quotation " + number, customer.getName(),
                        "Prepaid support hours: 5 × 100.00 = 500.00", "Total 500.00 EUR");
                browser.screenshot("tasklist-send-quotation");
                browser.completeTaskForm();
                new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(driver ->
                        tasks.createTaskQuery().taskId(send.getId()).count() == 0);
                people.runJobs(quotation);
                assertThat(TestMailServer.server().getReceivedMessages()).extracting(m -> m.getSubject())
                        .containsExactly("Quotation %s from Tandem Services".formatted(number));

                Task answer = waitingTask(quotation);
                assertThat(answer.getTaskDefinitionKey()).isEqualTo(QuotationProcess.USER_TASK_ANSWER);
                browser.openTask(base, answer.getId());
                browser.clickable(By.linkText("Diagram")).click();
                browser.visible(By.cssSelector(".djs-container"));
                browser.screenshot("tasklist-quotation-diagram");
                browser.clickable(By.linkText("Form")).click();
                browser.visible(By.cssSelector(".fjs-container"));
                browser.clickCentered(By.xpath("//label[contains(., 'Accepted: confirm the order')]"));
                browser.screenshot("tasklist-customer-accepted");
                browser.completeTaskForm();
                new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(driver ->
                        tasks.createTaskQuery().taskId(answer.getId()).count() == 0);
            } finally {
                browser.screenshot("tasklist-quotation-last");
            }
        }
        people.runJobs(quotation);
        assertThat(orders.findByNumber(number).orElseThrow().getState()).isEqualTo(SalesOrder.State.CONFIRMED);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PrepaidSupportProcess.KEY)
                .processInstanceBusinessKey(number).count()).as("the new hours' prepaid support").isOne();
    }
}

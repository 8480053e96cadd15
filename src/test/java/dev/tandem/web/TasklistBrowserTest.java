package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.format.DateTimeFormatter;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tandem.BillingFixtures;
import dev.tandem.SupportProcesses;
import dev.tandem.TandemIntegrationTest;
import dev.tandem.catalog.Customer;
import dev.tandem.catalog.EmployeeRepository;
import dev.tandem.timesheets.TimesheetEntry;
import dev.tandem.timesheets.TimesheetEntryRepository;
import dev.tandem.timesheets.process.LogTimeProcess;

/** Hannah from the helpdesk works the demo task in the real Tasklist, in Chromium. */
@TandemIntegrationTest
@Tag("browser")
class TasklistBrowserTest {

    @LocalServerPort int port;
    @Autowired TaskService tasks;
    @Autowired TimesheetEntryRepository entries;
    @Autowired EmployeeRepository employees;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired BillingFixtures fixtures;
    @Autowired SupportProcesses people;

    @Test
    void helpdeskUserLogsTimeOnTheDemoTaskThroughItsCamundaForm() {
        Task demoTask = tasks.createTaskQuery().processDefinitionKey(LogTimeProcess.KEY)
                .taskDefinitionKey(LogTimeProcess.USER_TASK_LOG_TIME).taskUnassigned()
                .orderByTaskCreateTime().asc().listPage(0, 1).get(0);
        Long hannah = employees.findByUserId("hannah").orElseThrow().getId();

        try (Browser browser = new Browser()) {
            try {
                browser.login("http://localhost:" + port, "tasklist", "hannah", "hannah");
                browser.clickCentered(By.cssSelector(".tasks-list a[href*='task=" + demoTask.getId() + "']"));
                browser.visible(By.cssSelector("h2.task"));
                browser.clickable(By.cssSelector("button.claim")).click();
                browser.visible(By.cssSelector("button.unclaim"));

                browser.visible(By.cssSelector(".fjs-container"));
                assertThat(browser.formText()).contains("Globex Corporation");
                browser.clickable(By.cssSelector(".fjs-form-field-datetime input")).sendKeys(
                        BillingFixtures.today().format(DateTimeFormatter.ofPattern("MM/dd/yyyy")), Keys.TAB);
                browser.type(By.cssSelector("input[id$='hours']"), "1:30");
                browser.type(By.cssSelector(".fjs-form-field-textarea textarea:not([disabled])"), "Reset the customer's VPN account");
                browser.screenshot("tasklist-log-time-filled");
                browser.completeTaskForm();

                new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(driver ->
                        tasks.createTaskQuery().taskId(demoTask.getId()).count() == 0);
            } finally {
                browser.screenshot("tasklist-log-time-done");
            }
        }

        TimesheetEntry entry = new TransactionTemplate(transactionManager).execute(status ->
                entries.findAll().stream()
                        .filter(e -> e.getEmployee().getId().equals(hannah))
                        .filter(e -> e.getDescription().equals("Reset the customer's VPN account"))
                        .findFirst().orElseThrow());
        assertThat(entry.getBilledMinutes()).isEqualTo(90);
        assertThat(entry.getWorkDate()).isEqualTo(BillingFixtures.today());
    }

    @Test
    void eachTaskInTheListNamesItsObjectAndShowsCustomerAndOrderSoonestDueFirst() {
        Customer customer = fixtures.customer();
        Long order = fixtures.confirmedOrder(customer, fixtures.prepaid("100"), "4");
        ProcessInstance ticket = people.openTicket(customer.getName(), null);
        Task task = tasks.createTaskQuery().processInstanceId(ticket.getId()).singleResult();

        try (Browser browser = new Browser()) {
            try {
                browser.login("http://localhost:" + port, "tasklist", "hannah", "hannah");
                By item = By.xpath("//li[contains(@class, 'task')][.//a[contains(@href, 'task=" + task.getId() + "')]]");
                browser.waitForTextContaining(item, "Work on ticket · %s · %s: %s".formatted(ticket.getBusinessKey(),
                        customer.getName(), SupportProcesses.TICKET_TITLE), "Customer", customer.getName(), "Order",
                        fixtures.orderNumber(order));
                browser.screenshot("tasklist-list-named");
            } finally {
                browser.screenshot("tasklist-list-end");
            }
        }
    }
}

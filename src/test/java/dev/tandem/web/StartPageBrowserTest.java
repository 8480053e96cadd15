package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.BillingFixtures;
import dev.tandem.SupportProcesses;
import dev.tandem.TandemIntegrationTest;
import dev.tandem.WebSession;
import dev.tandem.catalog.Customer;
import dev.tandem.fieldservice.process.FieldServiceProcess;
import dev.tandem.helpdesk.process.SupportTicketProcess;

/**
 * In Chromium: Tandem's start page offers each person the processes their groups start, with
 * customers, orders, teams, products and technicians picked from lists, on a desktop and on a phone;
 * what the billing core refuses comes back on the page with what was chosen, and nothing starts.
 */
@TandemIntegrationTest
@Tag("browser")
class StartPageBrowserTest {

    @LocalServerPort int port;
    @Autowired BillingFixtures fixtures;
    @Autowired TaskService tasks;
    @Autowired org.camunda.bpm.engine.ProcessEngine engine;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void helpdeskOpensATicketPickingCustomerTeamAndOrder() {
        Customer customer = fixtures.customer();
        Long order = fixtures.confirmedOrder(customer, fixtures.postpaid("80"), "10");
        String number = fixtures.orderNumber(order);

        try (Browser browser = new Browser()) {
            try {
                browser.signIn(url("/"), "hannah");
                browser.clickable(By.linkText("Start")).click();
                assertThat(browser.text(By.tagName("main"))).contains("New support ticket", "Log time on an order")
                        .doesNotContain("Sell prepaid support hours", "Plan an intervention");
                new Select(browser.visible(By.id("ticket-customer"))).selectByVisibleText(customer.getName());
                new Select(browser.visible(By.id("ticket-team"))).selectByVisibleText(SupportProcesses.TEAM);
                browser.type(By.id("ticket-title"), "Printer jams");
                new Select(browser.visible(By.id("ticket-order"))).selectByVisibleText(number + " · " + customer.getName());
                browser.screenshot("start-ticket-picked");
                browser.clickable(By.cssSelector("#start-support-ticket button")).click();

                String message = browser.visible(By.id("message")).getText();
                assertThat(message).matches("Started T\\d{5}\\. Next in Tasklist: Work on ticket · T\\d{5} · "
                        + java.util.regex.Pattern.quote(customer.getName() + ": Printer jams") + "\\.");
                Task work = tasks.createTaskQuery().processDefinitionKey(SupportTicketProcess.KEY)
                        .processVariableValueEquals(SupportTicketProcess.CUSTOMER_NAME, customer.getName()).singleResult();
                assertThat(engineVariable(work, SupportTicketProcess.ORDER_NUMBER)).isEqualTo(number);
            } finally {
                browser.screenshot("start-ticket-end");
            }
        }
    }

    @Test
    void onAPhoneSalesPlansAnInterventionAndARefusalKeepsWhatWasChosen() {
        Customer customer = fixtures.customer();
        Long order = fixtures.confirmedOrder(customer, fixtures.postpaid("80"), "10");
        String number = fixtures.orderNumber(order);

        // A request the page never offers (a customer not in the list) is refused with the reason.
        WebSession sam = new WebSession();
        sam.signIn(url(""), "sam", "sam");
        sam.postForm(url("/tandem/start/field-service"), "customerName=Nobody+Ltd&orderNumber=" + number
                + "&technician=theo&site=Hall&_csrf=" + WebSession.encode(sam.csrfToken(url("/tandem/start"))));
        assertThat(sam.get(url("/tandem/start")).body()).contains("Unknown customer Nobody Ltd");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(FieldServiceProcess.KEY)
                .variableValueEquals(FieldServiceProcess.CUSTOMER_NAME, "Nobody Ltd").count()).as("nothing started").isZero();
        // A process the page does not start (an invoice run) is no page at all.
        assertThat(sam.postForm(url("/tandem/start/invoice-run"), "_csrf="
                + WebSession.encode(sam.csrfToken(url("/tandem/start")))).statusCode()).isEqualTo(404);

        try (Browser browser = Browser.phone()) {
            try {
                browser.signIn(url("/tandem/start"), "sam");
                new Select(browser.visible(By.id("visit-customer"))).selectByVisibleText(customer.getName());
                new Select(browser.visible(By.id("visit-order"))).selectByVisibleText(number + " · " + customer.getName());
                new Select(browser.visible(By.id("visit-technician"))).selectByValue("theo");
                browser.type(By.id("visit-site"), "Server room");
                assertThat(browser.scrollWidth()).as("fits a 390 px phone").isLessThanOrEqualTo(390);
                browser.screenshot("start-visit-phone");
                browser.clickCentered(By.cssSelector("#start-field-service button"));

                assertThat(browser.visible(By.id("message")).getText()).matches(
                        "Started F\\d{5}\\. Next in Tasklist: Start work on site · F\\d{5} · .*\\.");
                Task start = tasks.createTaskQuery().processDefinitionKey(FieldServiceProcess.KEY)
                        .processVariableValueEquals(FieldServiceProcess.CUSTOMER_NAME, customer.getName()).singleResult();
                assertThat(start.getAssignee()).isEqualTo("theo");
            } finally {
                browser.screenshot("start-visit-end");
            }
        }
    }

    private Object engineVariable(Task task, String name) {
        return tasks.getVariable(task.getId(), name);
    }
}

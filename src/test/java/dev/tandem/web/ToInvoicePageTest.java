package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

import dev.tandem.BillingFixtures;
import dev.tandem.SupportProcesses;
import dev.tandem.TandemIntegrationTest;
import dev.tandem.TestMailServer;
import dev.tandem.catalog.Customer;
import dev.tandem.catalog.Product;
import dev.tandem.invoicing.process.InvoiceRunProcess;

/** Accounting invoices several orders at once from the To-Invoice page, in Chromium. */
@TandemIntegrationTest
class ToInvoicePageTest {

    @LocalServerPort int port;
    @Autowired BillingFixtures fixtures;
    @Autowired SupportProcesses people;
    @Autowired RuntimeService runtime;
    @Autowired TestRestTemplate http;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void theToInvoicePageAsksStrangersToLogIn() {
        var response = http.getForEntity("/tandem/to-invoice", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("Log in to Tandem").doesNotContain("Create invoices");
    }

    @Test
    void anAccountantSelectsOrdersAndFollowsTheInvoiceRunToTheEnd() throws Exception {
        Customer customer = fixtures.customer();
        Product service = fixtures.postpaid("80");
        List<Long> orders = List.of(fixtures.confirmedOrder(customer, service, "10"),
                fixtures.confirmedOrder(customer, service, "10"));
        orders.forEach(order -> fixtures.log(fixtures.employee(), fixtures.line(order), "1.5"));
        TestMailServer.server().purgeEmailFromAllMailboxes();

        try (Browser browser = new Browser()) {
            try {
                browser.driver.get(url("/tandem/to-invoice"));
                browser.visible(By.name("username")).sendKeys("hannah");
                browser.driver.findElement(By.name("password")).sendKeys("hannah");
                browser.driver.findElement(By.id("login")).click();
                assertThat(browser.visible(By.tagName("body")).getText()).contains("status=403")
                        .doesNotContain("Create invoices");
                browser.driver.manage().deleteAllCookies();

                browser.driver.get(url("/tandem/to-invoice"));
                browser.visible(By.name("username")).sendKeys("alice");
                browser.driver.findElement(By.name("password")).sendKeys("alice");
                browser.driver.findElement(By.id("login")).click();
                browser.visible(By.id("create")).click();
                assertThat(browser.visible(By.cssSelector(".error")).getText())
                        .isEqualTo("Choose at least one order to invoice.");

                for (Long order : orders) {
                    String row = "order-" + fixtures.orderNumber(order);
                    assertThat(browser.visible(By.id(row)).getText()).contains(customer.getName(), "1.50", "120.00");
                    browser.driver.findElement(By.cssSelector("#" + row + " input[name=orderIds]")).click();
                }
                browser.screenshot("to-invoice-selected");
                browser.clickable(By.id("create")).click();

                browser.waitForText(By.id("progress"), "0 of 1 invoices posted, working…");
                String number = browser.text(By.tagName("h1")).replace("Invoice run ", "");
                ProcessInstance run = runtime.createProcessInstanceQuery().processDefinitionKey(InvoiceRunProcess.KEY)
                        .processInstanceBusinessKey(number).singleResult();
                people.runJobs(run);

                browser.waitForText(By.id("progress"), "1 of 1 invoices posted and sent: done.");
                assertThat(browser.text(By.tagName("table"))).contains("INV/", "240.00");
                browser.screenshot("invoice-run-done");
            } finally {
                browser.screenshot("to-invoice-last");
            }
        }
        assertThat(TestMailServer.server().getReceivedMessages()).hasSize(1);
    }
}

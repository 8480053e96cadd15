package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Tag;
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
import dev.tandem.catalog.CustomerRepository;
import dev.tandem.catalog.Employee;
import dev.tandem.invoicing.InvoicingService;
import dev.tandem.invoicing.TimesheetsPeriod;
import dev.tandem.invoicing.ToInvoiceList;
import dev.tandem.invoicing.process.InvoiceRunProcess;
import dev.tandem.invoicing.process.SendInvoiceProcess;

/** Accounting invoices several orders at once from the To-Invoice page, in Chromium. */
@TandemIntegrationTest
@Tag("browser")
class ToInvoicePageTest {

    @LocalServerPort int port;
    @Autowired BillingFixtures fixtures;
    @Autowired SupportProcesses people;
    @Autowired RuntimeService runtime;
    @Autowired TestRestTemplate http;
    @Autowired ToInvoiceList toInvoice;
    @Autowired CustomerRepository customers;

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
        // A name no other customer contains, so that the filter shows exactly this customer's orders.
        Customer customer = customers.save(new Customer("Initech " + System.nanoTime(), "initech@example.com",
                "Street 2", BillingFixtures.ZONE, "en"));
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
                browser.waitForText(By.tagName("h1"), "Not your page");
                assertThat(browser.text(By.id("explanation")))
                        .startsWith("This page is open to accounting and administrators.");
                assertThat(browser.text(By.tagName("body"))).doesNotContain("Create invoices", "Whitelabel");
                browser.driver.manage().deleteAllCookies();

                browser.driver.get(url("/tandem/to-invoice"));
                browser.visible(By.name("username")).sendKeys("alice");
                browser.driver.findElement(By.name("password")).sendKeys("alice");
                browser.driver.findElement(By.id("login")).click();
                browser.visible(By.id("create")).click();
                assertThat(browser.visible(By.cssSelector(".error")).getText())
                        .isEqualTo("Choose at least one order to invoice.");
                browser.type(By.id("customer"), customer.getName());
                browser.clickable(By.cssSelector("#filter button")).click();
                browser.waitForText(By.id("count"),
                        "2 orders to invoice for " + customer.getName() + " · 3:00 h · 3.00 h of time not yet invoiced · page 1 of 1");

                for (Long order : orders) {
                    String row = "order-" + fixtures.orderNumber(order);
                    assertThat(browser.visible(By.id(row)).getText()).contains(customer.getName(), "1.50", "120.00");
                    browser.driver.findElement(By.cssSelector("#" + row + " input[name=orderIds]")).click();
                }
                browser.screenshot("to-invoice-selected");
                browser.clickable(By.id("create")).click();

                browser.waitForText(By.id("progress"),
                        "0 of 2 orders done: 0 invoices posted, 0 mailed, 0 orders skipped; working…");
                String number = browser.text(By.tagName("h1")).replace("Invoice run ", "");
                ProcessInstance run = runtime.createProcessInstanceQuery().processDefinitionKey(InvoiceRunProcess.KEY)
                        .processInstanceBusinessKey(number).singleResult();
                people.runInvoiceRun(run);

                browser.waitForText(By.id("progress"), "2 of 2 orders done: 1 invoice posted, 1 mailed, 0 orders skipped. Done.");
                assertThat(browser.text(By.tagName("table"))).contains("INV/", "240.00");
                browser.screenshot("invoice-run-done");
            } finally {
                browser.screenshot("to-invoice-last");
            }
        }
        assertThat(TestMailServer.server().getReceivedMessages()).hasSize(1);
    }

    @Autowired InvoicingService invoicing;
    @Autowired ManagementService management;

    /** A customer without an e-mail address: printing gives up as an incident, the run waits, and its page says why. */
    @Test
    void aRunWhoseInvoiceCannotBeMailedWaitsAndItsPageSaysWhy() throws Exception {
        Customer noMail = customers.save(new Customer("No Mail & Co " + System.nanoTime(), "", "Street 3",
                BillingFixtures.ZONE, "en"));
        Long order = fixtures.confirmedOrder(noMail, fixtures.postpaid("80"), "10");
        fixtures.log(fixtures.employee(), fixtures.line(order), "1");
        ProcessInstance run = people.startAs("alice", InvoiceRunProcess.KEY, Map.of(InvoiceRunProcess.ORDER_IDS,
                new ArrayList<>(List.of(order)), InvoiceRunProcess.CONSOLIDATED, false));
        people.runJobs(run);
        ProcessInstance send = runtime.createProcessInstanceQuery().processDefinitionKey(SendInvoiceProcess.KEY)
                .variableValueEquals(InvoiceRunProcess.RUN_NUMBER, run.getBusinessKey()).singleResult();
        Job print = management.createJobQuery().processInstanceId(send.getId()).singleResult();

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> management.executeJob(print.getId())).hasMessageContaining("has no e-mail address");
        }

        assertThat(runtime.createIncidentQuery().processInstanceId(send.getId()).count()).isOne();
        assertThat(management.createJobQuery().processInstanceId(run.getId()).timers().count())
                .as("the run waits for the mail").isOne();
        try (Browser browser = new Browser()) {
            browser.driver.get(url("/tandem/invoice-runs/" + run.getBusinessKey()));
            browser.visible(By.name("username")).sendKeys("alice");
            browser.driver.findElement(By.name("password")).sendKeys("alice");
            browser.driver.findElement(By.id("login")).click();
            browser.waitForTextContaining(By.id("incidents"), "1 invoice could not be printed or mailed after three "
                    + "attempts: an administrator sees each as an incident of the process Send invoice in Cockpit");
            assertThat(browser.text(By.id("progress")))
                    .isEqualTo("1 of 1 orders done: 1 invoice posted, 0 mailed, 0 orders skipped; working…");
            browser.screenshot("invoice-run-incident");
        }
    }

    @Test
    void theListComesFiftyOrdersAPageInOrderAndFiltersByCustomerName() {
        Customer customer = customers.save(new Customer("Paging & Co 50% " + System.nanoTime(), "paging@example.com",
                "Street 1", BillingFixtures.ZONE, "en"));
        Product service = fixtures.postpaid("80");
        Employee employee = fixtures.employee();
        List<String> listed = new ArrayList<>();
        for (int i = 0; i < ToInvoiceList.PAGE_SIZE + 2; i++) {
            Long order = fixtures.confirmedOrder(customer, service, "10");
            fixtures.log(employee, fixtures.line(order), BillingFixtures.today().minusDays(1 + i / 20), "1");
            listed.add(fixtures.orderNumber(order));
        }
        Long invoiced = fixtures.confirmedOrder(customer, service, "10");
        fixtures.log(employee, fixtures.line(invoiced), BillingFixtures.today().minusDays(10), "1");
        invoicing.post(invoicing.createInvoice(invoiced, TimesheetsPeriod.ALL, false).getId());
        fixtures.confirmedOrder(customer, service, "10");

        String filter = customer.getName().substring(0, 16).toUpperCase();
        ToInvoiceList.Page first = toInvoice.page(0, filter, null);
        ToInvoiceList.Page second = toInvoice.page(1, filter, null);

        assertThat(first.orders()).as("orders with something to invoice").isEqualTo(ToInvoiceList.PAGE_SIZE + 2);
        assertThat(first.pages()).isEqualTo(2);
        assertThat(first.hasNext()).isTrue();
        assertThat(second.hasNext()).isFalse();
        List<String> shown = new ArrayList<>();
        first.rows().forEach(row -> shown.add(row.orderNumber()));
        second.rows().forEach(row -> shown.add(row.orderNumber()));
        assertThat(shown).as("every order once, by number, the invoiced and the undelivered one left out")
                .containsExactlyElementsOf(listed);
        assertThat(first.rows()).allSatisfy(row -> assertThat(row.amount()).isEqualByComparingTo("80"));
        assertThat(toInvoice.page(0, "50%_" + System.nanoTime(), null).orders()).as("% and _ are letters").isZero();
        assertThat(toInvoice.page(7, filter, null).number()).as("a page past the end shows the last").isEqualTo(1);
        assertThat(first.time()).as("the time to invoice of all pages").isEqualTo("52:00 h · 52.00 h");

        // Month end: only time worked up to a day, as a run with that period end bills it.
        ToInvoiceList.Page upTo = toInvoice.page(0, filter, BillingFixtures.today().minusDays(2));
        assertThat(upTo.orders()).isEqualTo(32);
        assertThat(upTo.time()).isEqualTo("32:00 h · 32.00 h");
        assertThat(upTo.rows()).extracting(ToInvoiceList.Row::orderNumber).containsExactlyElementsOf(listed.subList(20, 52));
    }
}

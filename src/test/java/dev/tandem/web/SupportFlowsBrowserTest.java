package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tandem.BillingFixtures;
import dev.tandem.SupportProcesses;
import dev.tandem.TandemIntegrationTest;
import dev.tandem.TestMailServer;
import dev.tandem.catalog.Customer;
import dev.tandem.common.Company;
import dev.tandem.helpdesk.process.SupportTicketProcess;
import dev.tandem.invoicing.Invoice;
import dev.tandem.invoicing.InvoicingService;
import dev.tandem.invoicing.OrderFigures;
import dev.tandem.invoicing.TimesheetsPeriod;
import dev.tandem.invoicing.process.InvoicingVariables;
import dev.tandem.sales.process.PostpaidSupportProcess;

/** The helpdesk and accounting steps of the support flows, done in the real Tasklist in Chromium. */
@TandemIntegrationTest
@Tag("browser")
class SupportFlowsBrowserTest {

    @LocalServerPort int port;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired BillingFixtures fixtures;
    @Autowired SupportProcesses people;
    @Autowired OrderFigures figures;
    @Autowired InvoicingService invoicing;
    @Autowired Company company;

    private String baseUrl() {
        return "http://localhost:" + port;
    }

    private Task waitingTask(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private String formText(Browser browser) {
        return browser.formText();
    }

    @Test
    void whatPeopleTypedIsShownAsTextNeverAsALinkOrMarkup() {
        Customer customer = fixtures.customer();
        fixtures.confirmedOrder(customer, fixtures.prepaid("100"), "2");
        String title = "[Pay here](https://pay.example/now) <b>urgent</b>";
        ProcessInstance ticket = people.startAs("hannah", SupportTicketProcess.KEY, Map.of(
                SupportTicketProcess.CUSTOMER_NAME, customer.getName(), SupportTicketProcess.TEAM_NAME,
                SupportProcesses.TEAM, SupportTicketProcess.TITLE, title));

        try (Browser browser = new Browser()) {
            try {
                browser.login(baseUrl(), "tasklist", "hannah", "hannah");
                browser.openAndClaimTask(baseUrl(), waitingTask(ticket).getId());
                assertThat(formText(browser)).contains(title);
                assertThat(browser.driver.findElements(By.cssSelector(".fjs-container a[href*='pay.example']"))).isEmpty();
                assertThat(browser.driver.findElements(By.cssSelector(".fjs-container b"))).isEmpty();
            } finally {
                browser.screenshot("tasklist-typed-text-shown-as-text");
            }
        }
    }

    @Test
    void helpdeskLogsTimeOnATicketAndSeesTheRemainingHoursTurnRed() {
        Customer customer = fixtures.customer();
        Long order = fixtures.confirmedOrder(customer, fixtures.prepaid("100"), "2");
        ProcessInstance ticket = people.openTicket(customer.getName(), null);
        String firstRound = waitingTask(ticket).getId();

        try (Browser browser = new Browser()) {
            try {
                browser.login(baseUrl(), "tasklist", "hannah", "hannah");
                browser.openAndClaimTask(baseUrl(), firstRound);
                assertThat(formText(browser)).contains("Ticket " + ticket.getBusinessKey(),
                        "Remaining hours: 2:00 h · 2.00 h");
                assertThat(browser.driver.findElements(By.cssSelector(".overdrawn"))).isEmpty();

                browser.clickable(By.cssSelector(".fjs-form-field-datetime input")).sendKeys(
                        BillingFixtures.today().format(DateTimeFormatter.ofPattern("MM/dd/yyyy")), Keys.TAB);
                browser.type(By.cssSelector("input[id$='hours']"), "3");
                browser.type(By.cssSelector(".fjs-form-field-textarea textarea:not([disabled])"), "Replaced the broken switch");
                browser.screenshot("tasklist-ticket-filled");
                browser.completeTaskForm();

                new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(driver ->
                        !firstRound.equals(waitingTask(ticket).getId()));
                // The next round stays with hannah: no new claim, and its name says which ticket it is.
                browser.openOwnTask(baseUrl(), waitingTask(ticket).getId());
                assertThat(browser.text(By.cssSelector("h2.task"))).isEqualTo("Work on ticket · %s · %s: %s"
                        .formatted(ticket.getBusinessKey(), customer.getName(), SupportProcesses.TICKET_TITLE));
                WebElement remaining = browser.visible(By.cssSelector(".overdrawn"));
                assertThat(remaining.getText()).contains("Remaining hours: -1:00 h · -1.00 h");
                assertThat(remaining.getCssValue("color")).isEqualTo("rgba(198, 40, 40, 1)");
                assertThat(formText(browser)).contains("Recorded last time: 1 entry, 3:00 h · 3.00 h",
                        "invoiced 0:00 h · 0.00 h");

                // Accounting invoices the order meanwhile: the open task's form shows it when opened again.
                invoicing.post(invoicing.createInvoice(order, TimesheetsPeriod.ALL, false).getId());
                browser.openOwnTask(baseUrl(), waitingTask(ticket).getId());
                browser.waitForTextContaining(By.cssSelector(".fjs-container"), "invoiced 2:00 h · 2.00 h");
            } finally {
                browser.screenshot("tasklist-ticket-overdrawn");
            }
        }
        assertThat(figures.ofLine(fixtures.line(order)).delivered()).isEqualByComparingTo("3");
        assertThat(runtime.getVariable(ticket.getId(), SupportTicketProcess.LAST_RECORDED)).isEqualTo("1 entry, 3:00 h · 3.00 h");
    }

    private static final String DRAFT_MARK = "DRAFT, not a valid invoice: for review before it is posted, when it gets"
            + " its number and date. ";

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    /** The text of the PDF a mail carries. */
    private static String pdfText(jakarta.mail.internet.MimeMessage mail) throws Exception {
        var parts = (jakarta.mail.Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).getContentType().startsWith("application/pdf")) {
                return pdfText(parts.getBodyPart(i).getInputStream().readAllBytes());
            }
        }
        throw new IllegalStateException("The mail carries no PDF");
    }

    @Test
    void accountantReviewsAndApprovesADraftInvoice() throws Exception {
        Customer customer = fixtures.customer();
        ProcessInstance order = people.sellPostpaid(customer.getName(), fixtures.postpaid("80").getCode(), 10);
        Long orderId = (Long) runtime.getVariable(order.getId(), InvoicingVariables.ORDER_ID);
        fixtures.log(fixtures.employee(), fixtures.line(orderId), "2");
        people.complete(order, "alice", Map.of(PostpaidSupportProcess.ACTION, PostpaidSupportProcess.INVOICE));
        Task review = waitingTask(order);
        assertThat(review.getTaskDefinitionKey()).isEqualTo(PostpaidSupportProcess.USER_TASK_REVIEW_DRAFT);
        tasks.setAssignee(review.getId(), null);
        Long invoiceId = (Long) runtime.getVariable(order.getId(), InvoicingVariables.INVOICE_ID);
        TestMailServer.server().purgeEmailFromAllMailboxes();
        String draft;

        try (Browser browser = new Browser()) {
            try {
                browser.login(baseUrl(), "tasklist", "alice", "alice");
                browser.openAndClaimTask(baseUrl(), review.getId());
                assertThat(formText(browser)).contains("Draft invoice for " + order.getBusinessKey(),
                        "Service on Timesheets: 2.00 × 80.00 = 160.00", "Total 160.00 EUR (invoice)");
                String preview = browser.visible(By.linkText("Preview the PDF")).getDomProperty("href");
                draft = pdfText(browser.downloadPdf(preview));
                browser.clickCentered(By.xpath("//label[contains(., 'Approve: post and send')]"));
                browser.screenshot("tasklist-review-filled");
                browser.completeTaskForm();

                new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(driver ->
                        tasks.createTaskQuery().taskId(review.getId()).count() == 0);
            } finally {
                browser.screenshot("tasklist-review-done");
            }
        }
        people.runJobs(order);
        assertThat(fixtures.view(invoiceId).state()).isEqualTo(Invoice.State.POSTED);
        String number = fixtures.view(invoiceId).number();
        assertThat(draft).contains("Invoice (draft)", "DRAFT, not a valid invoice", "160.00");
        String posted = pdfText(TestMailServer.server().getReceivedMessages()[0]);
        assertThat(posted).doesNotContain("DRAFT");
        assertThat(draft.replace(DRAFT_MARK, "").replace("(draft)", number)
                .replace("not yet posted", BillingFixtures.today().toString()))
                .as("the preview is the invoice that was posted, but for its number and date").isEqualTo(posted);
        assertThat(TestMailServer.server().getReceivedMessages()).extracting(m -> m.getAllRecipients()[0].toString())
                .containsExactly(customer.getEmail());
        assertThat(waitingTask(order).getTaskDefinitionKey())
                .isEqualTo(PostpaidSupportProcess.USER_TASK_INVOICE_DELIVERED_TIME);

        // The next form says what was posted; waiting for more time is a choice with a follow-up date.
        Task next = waitingTask(order);
        LocalDate lookAgain = BillingFixtures.today().plusDays(5);
        try (Browser browser = new Browser()) {
            try {
                browser.login(baseUrl(), "tasklist", "alice", "alice");
                browser.openAndClaimTask(baseUrl(), next.getId());
                assertThat(formText(browser)).contains("Done in the step before", "Invoice %s posted: 160.00 EUR "
                        .formatted(number) + "(invoice), tax included. It is being printed and mailed to the customer");
                browser.clickCentered(By.xpath("//label[contains(., 'Wait for delivered time')]"));
                browser.clickCentered(By.cssSelector(".fjs-form-field-datetime input"));
                browser.driver.findElement(By.cssSelector(".fjs-form-field-datetime input")).sendKeys(
                        lookAgain.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")), Keys.TAB);
                browser.completeTaskForm();
                new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(driver ->
                        !next.getId().equals(waitingTask(order).getId()));
                browser.openTask(baseUrl(), waitingTask(order).getId());
                browser.visible(By.cssSelector(".fjs-container"));
                new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(driver -> browser.formText().contains(
                        "Waiting for delivered time: this task stays here with %s as its follow-up date.".formatted(lookAgain)));
                // Tasklist says how far off the follow-up is ("in 4 days" or "in 5 days", by the hour of the
                // run); the day itself is checked on the task below.
                browser.waitForTextContaining(By.cssSelector(".tasks-list"), "Follow-up in ");
                browser.screenshot("tasklist-waiting-follow-up");
                // The model as Tasklist draws it, kept for a person to look at.
                browser.clickable(By.xpath("//a[normalize-space(.)='Diagram']")).click();
                browser.visible(By.cssSelector(".djs-container"));
                browser.screenshot("tasklist-postpaid-diagram");
            } finally {
                browser.screenshot("tasklist-waiting-end");
            }
        }
        assertThat(waitingTask(order).getFollowUpDate()).as("8:00 on the day chosen, on the company's clock")
                .isEqualTo(java.util.Date.from(lookAgain.atTime(8, 0).atZone(company.timeZone()).toInstant()));
    }

    @Test
    void accountantCreditsOneTimesheetEntryOfAnInvoice() {
        Customer customer = fixtures.customer();
        ProcessInstance order = people.sellPostpaid(customer.getName(), fixtures.postpaid("80").getCode(), 10);
        Long orderId = (Long) runtime.getVariable(order.getId(), InvoicingVariables.ORDER_ID);
        Long kept = fixtures.log(fixtures.employee(), fixtures.line(orderId), "1").getId();
        Long credited = fixtures.log(fixtures.employee(), fixtures.line(orderId), "2").getId();
        people.complete(order, "alice", Map.of(PostpaidSupportProcess.ACTION, PostpaidSupportProcess.INVOICE));
        people.complete(order, "alice", Map.of(InvoicingVariables.REVIEW, InvoicingVariables.APPROVE));
        people.runJobs(order);
        String invoiceNumber = (String) runtime.getVariable(order.getId(), InvoicingVariables.INVOICE_NUMBER);
        Task choose = waitingTask(order);
        assertThat(choose.getTaskDefinitionKey()).isEqualTo(PostpaidSupportProcess.USER_TASK_INVOICE_DELIVERED_TIME);
        tasks.setAssignee(choose.getId(), null);

        try (Browser browser = new Browser()) {
            try {
                browser.login(baseUrl(), "tasklist", "alice", "alice");
                browser.openAndClaimTask(baseUrl(), choose.getId());
                browser.clickCentered(By.xpath("//label[contains(., 'Credit an invoice')]"));
                browser.clickCentered(By.cssSelector(".fjs-form-field-select .fjs-input-group"));
                browser.clickCentered(By.xpath("//*[contains(@class, 'fjs-dropdownlist-item')][starts-with(normalize-space(.), '"
                        + invoiceNumber + " · ')]"));
                browser.screenshot("tasklist-credit-chosen");
                browser.completeTaskForm();
                new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(driver ->
                        tasks.createTaskQuery().taskId(choose.getId()).count() == 0);

                Task credit = waitingTask(order);
                assertThat(credit.getTaskDefinitionKey()).isEqualTo(PostpaidSupportProcess.USER_TASK_CREDIT_INVOICE);
                browser.openAndClaimTask(baseUrl(), credit.getId());
                assertThat(formText(browser)).contains("Credit " + invoiceNumber, "2.00 h", "1.00 h");
                browser.clickCentered(By.xpath("//label[contains(., '2.00 h')]"));
                browser.screenshot("tasklist-credit-filled");
                browser.completeTaskForm();

                new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(driver ->
                        tasks.createTaskQuery().taskId(credit.getId()).count() == 0);
            } finally {
                browser.screenshot("tasklist-credit-done");
            }
        }
        assertThat((String) runtime.getVariable(order.getId(), InvoicingVariables.INVOICE_NUMBER)).startsWith("RINV/");
        Long creditNote = (Long) runtime.getVariable(order.getId(), InvoicingVariables.INVOICE_ID);
        assertThat(fixtures.view(creditNote).lines().get(0).entryIds()).containsExactly(credited).doesNotContain(kept);
        assertThat(fixtures.view(creditNote).total()).isEqualByComparingTo("-160");
    }
}

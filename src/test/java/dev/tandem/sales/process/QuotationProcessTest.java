package dev.tandem.sales.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.tandem.BillingFixtures;
import dev.tandem.SupportProcesses;
import dev.tandem.TandemIntegrationTest;
import dev.tandem.TestMailServer;
import dev.tandem.catalog.Customer;
import dev.tandem.catalog.Product;
import dev.tandem.invoicing.BillingIntegrityCheck;
import dev.tandem.invoicing.OrderFigures;
import dev.tandem.sales.SalesOrder;
import dev.tandem.sales.SalesOrderRepository;
import dev.tandem.common.ActingUser;

/**
 * Scenario 4 continued: the quotation the salesperson proposed goes to the customer, and their
 * answer confirms it as an order with its own prepaid support, or cancels it.
 */
@TandemIntegrationTest
class QuotationProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired BillingFixtures fixtures;
    @Autowired SupportProcesses people;
    @Autowired OrderFigures figures;
    @Autowired SalesOrderRepository orders;
    @Autowired BillingIntegrityCheck integrity;
    @Autowired ActingUser acting;
    @Autowired ManagementService management;

    private Customer customer;
    private Product prepaid;

    @BeforeEach
    void setUp() throws Exception {
        init(engine);
        customer = fixtures.customer();
        prepaid = fixtures.prepaid("100");
        TestMailServer.server().purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void ledgerStaysIntact() {
        assertThat(integrity.run().violations()).isEmpty();
    }

    private ProcessInstance proposedQuotation(ProcessInstance order) {
        return people.proposeFiveMoreHours(order, customer.getName());
    }

    /** The mails that carry a quotation (the invoices of the orders are mailed too). */
    private static List<MimeMessage> quotationsMailed() throws Exception {
        List<MimeMessage> quotations = new java.util.ArrayList<>();
        for (MimeMessage message : TestMailServer.server().getReceivedMessages()) {
            if (message.getSubject().startsWith("Quotation ")) {
                quotations.add(message);
            }
        }
        return quotations;
    }

    private Task waitingTask(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private void completeAs(String user, ProcessInstance instance, Map<String, Object> form) {
        String task = waitingTask(instance).getId();
        acting.as(user, () -> {
            tasks.complete(task, form);
            return null;
        });
    }

    @Test
    void theSalespersonMailsTheQuotationAndTheAcceptedHoursBecomeAnOrderThatNewTicketsDrawOn() throws Exception {
        ProcessInstance order = people.sellPrepaid(customer.getName(), prepaid.getCode(), 10);
        ProcessInstance quotation = proposedQuotation(order);
        String number = quotation.getBusinessKey();

        Task send = waitingTask(quotation);
        assertThat(send.getTaskDefinitionKey()).isEqualTo(QuotationProcess.USER_TASK_SEND);
        assertThat(send.getAssignee()).as("the order's salesperson").isEqualTo("sam");
        assertThat(tasks.getVariable(send.getId(), QuotationProcess.QUOTATION_SUMMARY))
                .isEqualTo("- Prepaid support hours: 5 × 100.00 = 500.00");
        assertThat(tasks.getVariable(send.getId(), QuotationProcess.QUOTATION_TOTAL)).isEqualTo("500.00 EUR");
        assertThatThrownBy(() -> completeAs("alice", quotation, Map.of(QuotationProcess.DECISION, QuotationProcess.SEND)))
                .hasMessageContaining("alice").hasMessageContaining(send.getId());

        completeAs("sam", quotation, Map.of(QuotationProcess.DECISION, QuotationProcess.SEND));
        people.runJobs(quotation);
        List<MimeMessage> received = quotationsMailed();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getAllRecipients()[0].toString()).isEqualTo(customer.getEmail());
        assertThat(received.get(0).getSubject()).isEqualTo("Quotation %s from Tandem Services".formatted(number));
        var pdfPart = ((MimeMultipart) received.get(0).getContent()).getBodyPart(1);
        assertThat(pdfPart.getFileName()).isEqualTo("quotation-" + number + ".pdf");
        try (PDDocument pdf = Loader.loadPDF(pdfPart.getInputStream().readAllBytes())) {
            javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(pdf).renderImageWithDPI(0, 60), "png",
                    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"))
                            .resolve("quotation-page-1.png").toFile());
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ")).contains("Quotation " + number,
                    customer.getName(), "Prepaid support hours 5.00 h 100.00 0 % 500.00", "Total EUR 500.00",
                    "Valid until " + BillingFixtures.today().plusDays(30), "Your contact Sam Seller");
        }
        assertThat(waitingTask(quotation).getTaskDefinitionKey()).isEqualTo(QuotationProcess.USER_TASK_ANSWER);
        assertThat(waitingTask(quotation).getDueDate()).as("the answer is due when the offer ends")
                .isEqualTo(runtime.getVariable(quotation.getId(), QuotationProcess.EXPIRES_AT));

        completeAs("sam", quotation, Map.of(QuotationProcess.ANSWER, QuotationProcess.ACCEPTED));
        people.runJobs(quotation);

        assertThat(quotation).isEnded().hasPassed(QuotationProcess.END_EVENT_ORDERED);
        assertThat(order).hasPassed(PrepaidSupportProcess.END_EVENT_QUOTATION_CREATED);
        SalesOrder confirmed = orders.findByNumber(number).orElseThrow();
        assertThat(confirmed.getState()).isEqualTo(SalesOrder.State.CONFIRMED);
        ProcessInstance newSupport = runtime.createProcessInstanceQuery().processDefinitionKey(PrepaidSupportProcess.KEY)
                .processInstanceBusinessKey(number).singleResult();
        assertThat(newSupport).isWaitingAt(PrepaidSupportProcess.USER_TASK_CREATE_INVOICE);

        ProcessInstance ticket = people.openTicket(customer.getName(), null);
        people.workOnTicket(ticket, fixtures.employee().getUserId(), true,
                List.of(SupportProcesses.entry(BillingFixtures.today().toString(), 1, "Follow-up")));
        assertThat(figures.ofOrder(confirmed.getId()).lines().get(0).delivered())
                .as("the old hours are gone: the new ones are drawn").isEqualByComparingTo("1");
    }

    @Test
    void aDeclinedDroppedOrExpiredQuotationIsCancelled() throws Exception {
        ProcessInstance declined = proposedQuotation(people.sellPrepaid(customer.getName(), prepaid.getCode(), 10));
        completeAs("sam", declined, Map.of(QuotationProcess.DECISION, QuotationProcess.SEND));
        people.runJobs(declined);
        completeAs("sam", declined, Map.of(QuotationProcess.ANSWER, QuotationProcess.DECLINED));
        assertThat(declined).isEnded().hasPassed(QuotationProcess.END_EVENT_NOT_SOLD);
        assertThat(orders.findByNumber(declined.getBusinessKey()).orElseThrow().getState())
                .isEqualTo(SalesOrder.State.CANCELLED);

        customer = fixtures.customer();
        ProcessInstance dropped = proposedQuotation(people.sellPrepaid(customer.getName(), prepaid.getCode(), 10));
        completeAs("sam", dropped, Map.of(QuotationProcess.DECISION, QuotationProcess.DROP));
        assertThat(dropped).isEnded().hasPassed(QuotationProcess.END_EVENT_NOT_SOLD);
        assertThat(orders.findByNumber(dropped.getBusinessKey()).orElseThrow().getState())
                .isEqualTo(SalesOrder.State.CANCELLED);
        assertThat(quotationsMailed()).as("one quotation mailed, none for the dropped one").hasSize(1);

        customer = fixtures.customer();
        ProcessInstance expired = proposedQuotation(people.sellPrepaid(customer.getName(), prepaid.getCode(), 10));
        completeAs("sam", expired, Map.of(QuotationProcess.DECISION, QuotationProcess.SEND));
        people.runJobs(expired);
        Job offerEnds = management.createJobQuery().processInstanceId(expired.getId()).timers().singleResult();
        assertThat(offerEnds.getDuedate()).as("the day after the PDF's 'valid until', on the company's clock")
                .isEqualTo(java.util.Date.from(BillingFixtures.today().plusDays(31).atStartOfDay(BillingFixtures.ZONE)
                        .toInstant()));
        management.executeJob(offerEnds.getId());
        assertThat(expired).isEnded().hasPassed(QuotationProcess.BOUNDARY_EVENT_EXPIRED, QuotationProcess.END_EVENT_NOT_SOLD);
        assertThat(orders.findByNumber(expired.getBusinessKey()).orElseThrow().getState())
                .isEqualTo(SalesOrder.State.CANCELLED);
    }
}

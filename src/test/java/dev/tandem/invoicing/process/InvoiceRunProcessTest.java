package dev.tandem.invoicing.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.tandem.BillingFixtures;
import dev.tandem.SupportProcesses;
import dev.tandem.TandemIntegrationTest;
import dev.tandem.TestMailServer;
import dev.tandem.catalog.Customer;
import dev.tandem.catalog.Employee;
import dev.tandem.catalog.Product;
import dev.tandem.fieldservice.FieldTask;
import dev.tandem.fieldservice.FieldTaskService;
import dev.tandem.invoicing.BillingIntegrityCheck;
import dev.tandem.invoicing.Invoice;
import dev.tandem.invoicing.InvoiceLine;
import dev.tandem.invoicing.InvoiceRepository;
import dev.tandem.invoicing.InvoiceRunSkip;
import dev.tandem.invoicing.InvoiceRunSkipRepository;
import dev.tandem.invoicing.InvoiceRuns;
import dev.tandem.invoicing.InvoicingService;
import dev.tandem.invoicing.TimesheetsPeriod;
import dev.tandem.invoicing.ToInvoiceList;

/** The To-Invoice list and processes/invoice-run.bpmn: scenarios 26 and 27. */
@TandemIntegrationTest
class InvoiceRunProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired BillingFixtures fixtures;
    @Autowired SupportProcesses people;
    @Autowired FieldTaskService fieldTasks;
    @Autowired InvoicingService invoicing;
    @Autowired BillingIntegrityCheck integrity;
    @Autowired InvoiceRepository invoices;
    @Autowired InvoiceRunSkipRepository skips;
    @Autowired InvoiceRuns runs;
    @Autowired ToInvoiceList toInvoiceList;
    @Autowired MeterRegistry metrics;

    private Product service;
    private Employee technician;

    @BeforeEach
    void setUp() throws Exception {
        init(engine);
        service = fixtures.postpaid("80");
        technician = fixtures.employee();
        TestMailServer.server().purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void ledgerStaysIntact() {
        assertThat(integrity.run().violations()).isEmpty();
    }

    /** A done field task with one hour of work on a new order of the customer; returns the order id. */
    private Long doneTask(Customer customer, String number) {
        Long order = fixtures.confirmedOrder(customer, service, "10");
        FieldTask task = fieldTasks.plan(customer.getId(), order, technician.getId(), "Site " + number, number,
                BillingFixtures.today());
        fixtures.log(technician, fixtures.line(order), "1");
        fieldTasks.markDone(task.getId());
        return order;
    }

    private ProcessInstance run(List<Long> orders, boolean consolidated) {
        return people.startAs("alice", InvoiceRunProcess.KEY, Map.of(InvoiceRunProcess.ORDER_IDS, new ArrayList<>(orders),
                InvoiceRunProcess.CONSOLIDATED, consolidated));
    }

    private List<Long> listed(List<Long> orders, Customer... customers) {
        return java.util.Arrays.stream(customers).flatMap(customer -> fixtures.toInvoice(customer.getName()).stream())
                .map(ToInvoiceList.Row::orderId).filter(orders::contains).toList();
    }

    @Test
    void scenario26_consolidatedRunMakesOneInvoicePerCustomerAndSendsEach() {
        Customer a = fixtures.customer();
        Customer b = fixtures.customer();
        Long t1 = doneTask(a, "T1");
        Long t2 = doneTask(a, "T2");
        Long t3 = doneTask(b, "T3");
        Long t4 = doneTask(b, "T4");
        invoicing.post(invoicing.createInvoice(t4, TimesheetsPeriod.ALL, false).getId());

        assertThat(listed(List.of(t1, t2, t3, t4), a, b)).containsExactly(t1, t2, t3);
        ToInvoiceList.Row first = fixtures.toInvoice(a.getName()).stream().filter(row -> row.orderId().equals(t1))
                .findFirst().orElseThrow();
        assertThat(first.doneTasks()).hasSize(1);
        assertThat(first.amount()).isEqualByComparingTo("80");

        long runsTimed = metrics.get("tandem.invoice.runs").timer().count();
        ProcessInstance instance = run(List.of(t1, t2, t3), true);
        assertThat(instance.getBusinessKey()).matches("R\\d{5}");
        people.runInvoiceRun(instance);
        assertThat(metrics.get("tandem.invoice.runs").timer().count()).as("the run's duration in the metrics")
                .isEqualTo(runsTimed + 1);

        assertThat(instance).isWaitingAt(InvoiceRunProcess.USER_TASK_SUMMARY).task().hasCandidateGroup("accounting");
        assertThat(instance).variables().containsEntry(InvoiceRunProcess.INVOICES_SENT, 2L)
                .containsEntry(InvoiceRunProcess.ORDERS_SKIPPED, 0L);
        assertThat(fixtures.invoicesOfRun(instance.getBusinessKey()))
                .extracting(invoice -> invoice.getCustomer().getName() + " (" + invoice.getOrderNumbers() + ")")
                .containsExactlyInAnyOrder(a.getName() + " (%s, %s)".formatted(fixtures.orderNumber(t1), fixtures.orderNumber(t2)),
                        b.getName() + " (%s)".formatted(fixtures.orderNumber(t3)));
        assertThat(TestMailServer.server().getReceivedMessages())
                .extracting(mail -> mail.getAllRecipients()[0].toString())
                .containsExactlyInAnyOrder(a.getEmail(), b.getEmail());
        assertThat(listed(List.of(t1, t2, t3), a, b)).isEmpty();
    }

    @Test
    void theToInvoiceListShowsWhatTheRunThenBills() {
        Customer customer = fixtures.customer();
        Long order = fixtures.confirmedOrder(customer, service, "10", fixtures.prepaid("100"), "5");
        fixtures.log(technician, fixtures.line(order), BillingFixtures.today().minusDays(1), "2");
        fixtures.log(technician, fixtures.line(order), BillingFixtures.today(), "1.25");

        ToInvoiceList.Row row = fixtures.toInvoice(customer.getName()).stream()
                .filter(listed -> listed.orderId().equals(order)).findFirst().orElseThrow();
        BillingFixtures.InvoiceView invoice = fixtures.view(invoicing.createInvoice(order, TimesheetsPeriod.ALL, false).getId());

        assertThat(invoice.lines()).extracting(BillingFixtures.LineView::kind)
                .containsExactlyInAnyOrder(InvoiceLine.Kind.TIME, InvoiceLine.Kind.ITEM);
        assertThat(row.amount()).as("the list's amount is the run's untaxed amount").isEqualByComparingTo(invoice.untaxed());
        assertThat(row.hours()).as("3.25 h of time and 5 prepaid hours").isEqualByComparingTo("8.25");
    }

    @Test
    void anOrderWhoseDraftWaitsIsNeitherListedNorCountedUntilTheDraftIsCancelled() {
        Customer customer = fixtures.customer();
        Long order = fixtures.confirmedOrder(customer, service, "10");
        fixtures.log(technician, fixtures.line(order), BillingFixtures.today().minusDays(2), "2");
        fixtures.log(technician, fixtures.line(order), BillingFixtures.today(), "1.25");
        Invoice draft = invoicing.createInvoice(order,
                new TimesheetsPeriod(null, BillingFixtures.today().minusDays(1)), false);

        ToInvoiceList.Page page = toInvoiceList.page(0, customer.getName(), null);
        assertThat(page.rows()).as("a run would skip it").isEmpty();
        assertThat(page.orders()).as("nor is it counted").isZero();
        assertThat(page.hours()).isEqualByComparingTo("0");

        invoicing.cancelDraft(draft.getId());
        page = toInvoiceList.page(0, customer.getName(), null);
        assertThat(page.orders()).isEqualTo(1);
        assertThat(page.rows()).singleElement().satisfies(row -> assertThat(row.hours()).isEqualByComparingTo("3.25"));
    }

    @Test
    void scenario26_withoutConsolidationEachOrderGetsItsInvoice() {
        Customer a = fixtures.customer();
        Customer b = fixtures.customer();
        List<Long> orders = List.of(doneTask(a, "T1"), doneTask(a, "T2"), doneTask(b, "T3"));

        ProcessInstance instance = run(orders, false);
        people.runInvoiceRun(instance);

        assertThat(fixtures.invoicesOfRun(instance.getBusinessKey())).hasSize(3)
                .allMatch(invoice -> invoice.getState() == Invoice.State.POSTED);
        assertThat(TestMailServer.server().getReceivedMessages()).hasSize(3);
    }

    @Test
    void scenario27_twoRunsAtOnceBillEveryEntryOnceAndTheSecondSaysWhy() throws Exception {
        Customer a = fixtures.customer();
        List<Long> orders = List.of(doneTask(a, "T1"), doneTask(a, "T2"));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CyclicBarrier together = new CyclicBarrier(2);
        List<ProcessInstance> runs = new ArrayList<>();
        try {
            List<Future<ProcessInstance>> started = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                started.add(pool.submit(() -> {
                    together.await();
                    return run(orders, true);
                }));
            }
            for (Future<ProcessInstance> run : started) {
                runs.add(run.get());
            }
        } finally {
            pool.shutdownNow();
        }
        runs.forEach(people::runInvoiceRun);

        List<List<String>> skipped = runs.stream().map(run -> skips.findByInvoiceRunOrderByOrderNumber(run.getBusinessKey())
                .stream().map(InvoiceRunSkip::getOrderNumber).toList()).toList();
        assertThat(skipped).filteredOn(orderNumbers -> !orderNumbers.isEmpty()).singleElement()
                .isEqualTo(List.of(fixtures.orderNumber(orders.get(0)), fixtures.orderNumber(orders.get(1))));
        assertThat(TestMailServer.server().getReceivedMessages()).hasSize(1);
    }

    /**
     * The benchmark's small sibling: 300 orders of three customers, more than one chunk each way.
     * Every order is invoiced once, the invoice numbers have no gap, every customer gets each of
     * its invoices once, and the run's page counts all of it.
     */
    @Test
    void aRunOfThreeHundredOrdersInvoicesEachOnceWithGaplessNumbersAndMailsEachOnce() {
        List<Customer> customers = List.of(fixtures.customer(), fixtures.customer(), fixtures.customer());
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Long order = fixtures.confirmedOrder(customers.get(i % 3), service, "10");
            // at most 20 hours a day, as one person works them
            fixtures.log(technician, fixtures.line(order), BillingFixtures.today().minusDays(i / 20), "1");
            orders.add(order);
        }

        ProcessInstance instance = run(orders, false);
        people.runInvoiceRun(instance);

        assertThat(instance).isWaitingAt(InvoiceRunProcess.USER_TASK_SUMMARY).variables()
                .containsEntry(InvoiceRunProcess.INVOICES_SENT, 300L).containsEntry(InvoiceRunProcess.ORDERS_SKIPPED, 0L);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId(InvoiceRunProcess.SERVICE_TASK_INVOICE_NEXT_ORDERS).count())
                .as("chunks of %d orders", InvoiceRuns.CHUNK).isEqualTo(3);
        List<Invoice> issued = fixtures.invoicesOfRun(instance.getBusinessKey());
        assertThat(issued).hasSize(300).allMatch(invoice -> invoice.getState() == Invoice.State.POSTED);
        assertThat(issued.stream().map(Invoice::getOrderNumbers).sorted())
                .as("each order on one invoice").containsExactlyElementsOf(orders.stream().map(fixtures::orderNumber).sorted().toList());
        List<Integer> numbers = issued.stream().map(Invoice::getSequenceNumber).sorted().toList();
        assertThat(numbers.get(numbers.size() - 1) - numbers.get(0)).as("no gap in the numbers").isEqualTo(299);
        assertThat(TestMailServer.server().getReceivedMessages()).hasSize(300)
                .extracting(mail -> mail.getAllRecipients()[0] + " " + mail.getSubject())
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(issued.stream().map(invoice -> invoice.getCustomer().getEmail() + " "
                        + "Invoice %s from Tandem Services".formatted(invoice.getNumber())).toList());
        assertThat(runs.progress(instance.getBusinessKey()))
                .isEqualTo(new InvoiceRuns.Progress(300, 300, 300, 300, 0, 0));
    }

    /** A consolidated run never splits a customer across chunks: one invoice for 120 orders of one customer. */
    @Test
    void aConsolidatedRunKeepsACustomersOrdersTogetherAcrossChunks() {
        Customer big = fixtures.customer();
        Customer small = fixtures.customer();
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            Long order = fixtures.confirmedOrder(big, service, "10");
            fixtures.log(technician, fixtures.line(order), BillingFixtures.today().minusDays(i / 20), "1");
            orders.add(order);
        }
        orders.add(doneTask(small, "T1"));

        ProcessInstance instance = run(orders, true);
        people.runInvoiceRun(instance);

        assertThat(fixtures.invoicesOfRun(instance.getBusinessKey()))
                .extracting(invoice -> invoice.getCustomer().getName() + ": " + invoice.getOrderNumbers().split(", ").length
                        + " orders")
                .containsExactlyInAnyOrder(big.getName() + ": 120 orders", small.getName() + ": 1 orders");
        assertThat(TestMailServer.server().getReceivedMessages()).hasSize(2);
    }

    /** Send invoice prints and mails posted invoices only: a draft handed to it stops there, unsent. */
    @Test
    void aDraftIsNeitherPrintedNorMailed() {
        Long order = doneTask(fixtures.customer(), "T1");
        Invoice draft = invoicing.createInvoice(order, TimesheetsPeriod.ALL, false);
        ProcessInstance send = runtime.startProcessInstanceByKey(SendInvoiceProcess.KEY, Map.of(
                InvoicingVariables.INVOICE_ID, draft.getId(), InvoiceRunProcess.RUN_NUMBER, "R99999"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> people.runJobs(send))
                .hasMessageContaining("is draft: only a posted invoice is printed and mailed.");
        assertThat(TestMailServer.server().getReceivedMessages()).isEmpty();
        assertThat(invoices.findById(draft.getId()).orElseThrow().getMailId()).isNull();
        invoicing.cancelDraft(draft.getId());
    }

    @Test
    void aRunWithoutOrdersIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(List.of(), true))
                .hasMessageContaining("Choose at least one order to invoice.");
    }
}

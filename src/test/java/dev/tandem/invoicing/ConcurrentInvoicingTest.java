package dev.tandem.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tandem.BillingFixtures;
import dev.tandem.TandemIntegrationTest;
import dev.tandem.timesheets.TimesheetEntry;
import dev.tandem.timesheets.TimesheetEntryRepository;
import dev.tandem.timesheets.TimesheetService;

/**
 * Postings, invoice runs and edits at the same moment: unique gapless numbers, every entry billed
 * once, and an edit never undoes what the ledger wrote on the entry.
 */
@TandemIntegrationTest
class ConcurrentInvoicingTest {

    @Autowired BillingFixtures fixtures;
    @Autowired InvoicingService invoicing;
    @Autowired InvoiceRepository invoices;
    @Autowired BillingIntegrityCheck integrity;
    @Autowired TimesheetEntryRepository entries;
    @Autowired TimesheetService timesheets;
    @Autowired TransactionTemplate transactions;

    private static <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CyclicBarrier start = new CyclicBarrier(calls.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentPostingsNeverShareANumberAndLeaveNoGap() throws Exception {
        List<Long> drafts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            drafts.add(invoicing.createInvoice(fixtures.confirmedOrder(fixtures.customer(), fixtures.prepaid("100"), "1"),
                    TimesheetsPeriod.ALL, false).getId());
        }

        List<String> numbers = atOnce(drafts.stream()
                .<Callable<String>>map(id -> () -> invoicing.post(id).getNumber()).toList());

        assertThat(numbers).doesNotHaveDuplicates().allMatch(number -> number.startsWith("INV/"));
        assertThat(integrity.run().violations()).isEmpty();
    }

    @Test
    void twoRunsOverTheSameOrdersBillEveryEntryOnce() throws Exception {
        Long order = fixtures.confirmedOrder(fixtures.customer(), fixtures.postpaid("80"), "10");
        fixtures.log(fixtures.employee(), fixtures.line(order), "3");
        fixtures.log(fixtures.employee(), fixtures.line(order), "2");
        InvoicingService.InvoiceRequest request =
                new InvoicingService.InvoiceRequest(List.of(order), true, TimesheetsPeriod.ALL, false);

        List<InvoicingService.InvoiceBatch> runs = atOnce(List.of(
                () -> invoicing.createInvoices(request), () -> invoicing.createInvoices(request)));

        assertThat(runs).flatExtracting(InvoicingService.InvoiceBatch::invoices).hasSize(1);
        assertThat(runs).flatExtracting(InvoicingService.InvoiceBatch::skipped).singleElement()
                .satisfies(skipped -> assertThat(skipped.reason())
                        .containsAnyOf("already been invoiced", "already being invoiced"));
        assertThat(integrity.run().violations()).isEmpty();
    }

    @Test
    void describingAnEntryWhileItIsInvoicedElsewhereKeepsItInvoiced() throws Exception {
        Long order = fixtures.confirmedOrder(fixtures.customer(), fixtures.postpaid("80"), "10");
        TimesheetEntry entry = fixtures.log(fixtures.employee(), fixtures.line(order), "2");

        transactions.executeWithoutResult(status -> {
            // The description is being edited from a copy of the entry read before the invoice existed...
            entries.findById(entry.getId()).orElseThrow();
            try {
                atOnce(List.<Callable<Invoice>>of(() -> invoicing.post(
                        invoicing.createInvoice(order, TimesheetsPeriod.ALL, false).getId())));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            // ... and saved after the invoice was posted: only the description changes.
            timesheets.describe(entry.getId(), "Replaced the fuser unit");
        });

        assertThat(entries.invoicedMinutes(entry.getId())).isEqualTo(120);
        assertThat(entries.findById(entry.getId()).orElseThrow().getDescription()).isEqualTo("Replaced the fuser unit");
        assertThat(integrity.run().violations()).isEmpty();
    }
}

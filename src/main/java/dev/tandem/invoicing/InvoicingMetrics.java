package dev.tandem.invoicing;

import java.time.Duration;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Invoicing for Prometheus: invoices and credit notes posted (counted in the invoice table, so
 * every node reports the installation's figure and a restart loses nothing), and how long invoice
 * runs take from *Create invoices* until every invoice is mailed (timed by the node that ends the
 * run, once its transaction commits).
 */
@Component
public class InvoicingMetrics implements MeterBinder {

    private final InvoiceRepository invoices;
    private Timer runs;

    InvoicingMetrics(InvoiceRepository invoices) {
        this.invoices = invoices;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("tandem.invoices.posted", invoices, repository -> repository.countByState(Invoice.State.POSTED))
                .description("Invoices and credit notes posted").register(registry);
        runs = Timer.builder("tandem.invoice.runs").description("Invoice runs, from start until every invoice is mailed")
                .register(registry);
    }

    /** Times a run that ends in the current transaction, once that commits. */
    public void runEnded(Duration took) {
        if (runs == null) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            runs.record(took);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                runs.record(took);
            }
        });
    }
}

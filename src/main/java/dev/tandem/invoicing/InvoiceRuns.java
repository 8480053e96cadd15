package dev.tandem.invoicing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.common.BillingException;
import dev.tandem.common.NotFound;
import dev.tandem.common.NumberSequences;

/**
 * An invoice run works through any number of orders in chunks, each in a transaction of its own:
 * a chunk drafts and posts the invoices of its orders, so a run of 10,000 orders never holds more
 * than a chunk's locks and memory, and a failed chunk is retried alone. The run's orders and their
 * progress live in Tandem's tables ({@code invoice_run_order}, the invoices carrying the run's
 * number, {@link InvoiceRunSkip}), not in process variables.
 */
@Service
@Transactional
public class InvoiceRuns {

    /** Orders per chunk: enough to make a commit worth it, few enough to hold locks for a moment only. */
    public static final int CHUNK = 100;

    private final JdbcTemplate jdbc;
    private final InvoicingService invoicing;
    private final EntityManager entities;
    private final NumberSequences numbers;

    InvoiceRuns(JdbcTemplate jdbc, InvoicingService invoicing, EntityManager entities, NumberSequences numbers) {
        this.numbers = numbers;
        this.entities = entities;
        this.jdbc = jdbc;
        this.invoicing = invoicing;
    }

    /** What one chunk posted, and how many of the run's orders are still to be taken. */
    public record Chunk(List<Invoice> posted, long ordersLeft) {
    }

    /** A run's progress, read from Tandem's tables. */
    public record Progress(long orders, long ordersDone, long posted, long mailed, long mailFailing, long skipped) {
    }

    /**
     * A new run: its number, and the orders it was asked to invoice; an id that names no order
     * refuses the whole run. In id order, as every invoicing transaction takes its orders: the rows'
     * keys lock the orders they name, so any other order would let a start and a chunk wait for
     * each other.
     *
     * @return the run's number, "R00001"
     */
    public String record(Collection<Long> orderIds) {
        List<Long> distinct = orderIds.stream().distinct().sorted().toList();
        if (distinct.isEmpty()) {
            throw new BillingException("Choose at least one order to invoice.");
        }
        String run = "R%05d".formatted(numbers.next("invoice_run"));
        int[][] inserted = jdbc.batchUpdate("""
                insert into invoice_run_order (invoice_run, order_id, customer_id, done)
                select ?, id, customer_id, false from sales_order where id = ?""", distinct, 500, (row, orderId) -> {
            row.setString(1, run);
            row.setLong(2, orderId);
        });
        int i = 0;
        for (int[] batch : inserted) {
            for (int count : batch) {
                if (count == 0) {
                    throw NotFound.of("sales order", distinct.get(i));
                }
                i++;
            }
        }
        return run;
    }

    /**
     * Drafts and posts the invoices of the run's next orders, customer by customer: a consolidated
     * run takes all of a customer's orders in the same chunk, so each customer still gets one
     * invoice. Orders with nothing to invoice are recorded as skipped, with the reason.
     */
    public Chunk invoiceNext(String run, boolean consolidated, TimesheetsPeriod period) {
        List<Long> next = new ArrayList<>();
        List<Long> customers = new ArrayList<>();
        jdbc.query("""
                select order_id, customer_id from invoice_run_order where invoice_run = ? and done = false
                order by customer_id, order_id limit ?""", row -> {
            next.add(row.getLong(1));
            customers.add(row.getLong(2));
        }, run, CHUNK);
        if (consolidated && next.size() == CHUNK) {
            next.addAll(jdbc.queryForList("""
                    select order_id from invoice_run_order
                    where invoice_run = ? and done = false and customer_id = ? and order_id > ?""", Long.class,
                    run, customers.get(CHUNK - 1), next.get(CHUNK - 1)));
        }
        List<Invoice> posted = new ArrayList<>();
        if (!next.isEmpty()) {
            // Each order of the chunk is planned from its own rows, which no other order's invoice
            // changes, so the session is flushed once at commit instead of before each of the
            // chunk's queries: a flush checks every entity the chunk has loaded so far.
            Session session = entities.unwrap(Session.class);
            FlushMode flushMode = session.getHibernateFlushMode();
            session.setHibernateFlushMode(FlushMode.COMMIT);
            try {
                InvoicingService.InvoiceBatch batch = invoicing.createRunInvoices(run,
                        new InvoicingService.InvoiceRequest(next, consolidated, period, false));
                batch.invoices().forEach(draft -> posted.add(invoicing.post(draft)));
            } finally {
                session.setHibernateFlushMode(flushMode);
            }
            jdbc.batchUpdate("update invoice_run_order set done = true where invoice_run = ? and order_id = ?", next,
                    CHUNK, (row, orderId) -> {
                        row.setString(1, run);
                        row.setLong(2, orderId);
                    });
        }
        return new Chunk(posted, ordersLeft(run));
    }

    private long ordersLeft(String run) {
        return jdbc.queryForObject("select count(*) from invoice_run_order where invoice_run = ? and done = false",
                Long.class, run);
    }

    /** Whether every invoice the run posted has reached the mail server. */
    public boolean allMailed(String run) {
        Progress progress = progress(run);
        return progress.ordersDone() == progress.orders() && progress.mailed() == progress.posted();
    }

    @Transactional(readOnly = true)
    public Progress progress(String run) {
        return jdbc.queryForObject("""
                select (select count(*) from invoice_run_order where invoice_run = ?),
                       (select count(*) from invoice_run_order where invoice_run = ? and done = true),
                       (select count(*) from invoice where invoice_run = ? and state = 'POSTED'),
                       (select count(*) from invoice i join outbound_mail m on m.id = i.mail_id
                        where i.invoice_run = ? and m.state = 'SENT'),
                       (select count(*) from invoice i join outbound_mail m on m.id = i.mail_id
                        where i.invoice_run = ? and m.state = 'PENDING' and m.attempts > 0),
                       (select count(*) from invoice_run_skip where invoice_run = ?)""",
                (row, n) -> new Progress(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5),
                        row.getLong(6)), run, run, run, run, run, run);
    }
}

package dev.tandem.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.hibernate.Hibernate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.common.NotFound;
import dev.tandem.outbox.OutboundMail;
import dev.tandem.outbox.OutboundMailRepository;

/**
 * Invoices and credit notes as accounting and auditors look them up: a paged search with the
 * totals of everything it found, and one document with what belongs to it.
 */
@Service
@Transactional(readOnly = true)
public class InvoiceRecords {

    /** Rows on one page of the search. */
    public static final int PAGE_SIZE = 50;

    /**
     * What to look for; every part may be null. Number and customer match a part of the text,
     * case aside; order is an order number; dates are invoice dates, inclusive; amounts are totals
     * as the customer reads them (a credit note's as a positive figure), inclusive.
     */
    public record Filter(String number, String customer, String order, Invoice.State state, LocalDate from,
                         LocalDate to, BigDecimal min, BigDecimal max) {
    }

    /**
     * A page of the documents found, newest first, with their count and the sums of the posted ones
     * among them (credit notes subtract; drafts and cancelled drafts bill nothing).
     */
    public record Found(Filter filter, List<Invoice> rows, int page, long count, BigDecimal untaxed, BigDecimal tax,
                        BigDecimal total) {

        public int pages() {
            return (int) Math.max(1, (count + PAGE_SIZE - 1) / PAGE_SIZE);
        }

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < pages();
        }
    }

    /**
     * One document with its lines, taxes, orders, the documents it reverses or that reverse it, its
     * mail and the copies sent again; {@code seen} stands for the state of that mail as shown, so
     * that <em>Send again</em> acts on what the person saw.
     */
    public record Record(Invoice invoice, List<InvoiceDocument.TaxAmount> taxes, List<String> orders,
                         Invoice reverses, List<Invoice> creditNotes, OutboundMail mail, List<OutboundMail> copies,
                         String seen) {
    }

    /** The state of an invoice's mail and its copies, as one text: it changes with every attempt. */
    public static String seen(OutboundMail mail, List<OutboundMail> copies) {
        if (mail == null) {
            return "";
        }
        return Stream.concat(Stream.of(mail), copies.stream())
                .map(each -> each.getId() + ":" + each.getState() + ":" + each.getAttempts())
                .collect(Collectors.joining(";"));
    }

    /** The copies of an invoice's mail sent again, oldest first. */
    public List<OutboundMail> copies(OutboundMail mail) {
        return mail == null ? List.of() : mails.findByCopyOfOrderById(mail.getId());
    }

    private final EntityManager entities;
    private final InvoiceRepository invoices;
    private final OutboundMailRepository mails;

    private final InvoiceDocument document;

    InvoiceRecords(EntityManager entities, InvoiceRepository invoices, OutboundMailRepository mails,
                   InvoiceDocument document) {
        this.document = document;
        this.entities = entities;
        this.invoices = invoices;
        this.mails = mails;
    }

    public Found search(Filter filter, int page) {
        Map<String, Object> parameters = new HashMap<>();
        String where = where(filter, parameters);
        String posted = "dev.tandem.invoicing.Invoice.State.POSTED";
        Object[] sums = bind(entities.createQuery(("""
                select count(i), coalesce(sum(case when i.state = %1$s then i.amountUntaxed else 0 end), 0),
                       coalesce(sum(case when i.state = %1$s then i.amountTax else 0 end), 0),
                       coalesce(sum(case when i.state = %1$s then i.amountTotal else 0 end), 0)
                from Invoice i join i.customer c""").formatted(posted) + where, Object[].class), parameters)
                .getSingleResult();
        long count = (Long) sums[0];
        int from = (int) Math.min(Math.max(0, page), Math.max(0, (count - 1) / PAGE_SIZE));
        List<Invoice> rows = bind(entities.createQuery(
                "select i from Invoice i join fetch i.customer c" + where + " order by i.id desc", Invoice.class),
                parameters).setFirstResult(from * PAGE_SIZE).setMaxResults(PAGE_SIZE).getResultList();
        rows.forEach(invoice -> Hibernate.initialize(invoice.getOrders()));
        return new Found(filter, rows, from, count, (BigDecimal) sums[1], (BigDecimal) sums[2],
                (BigDecimal) sums[3]);
    }

    public Record of(Long invoiceId) {
        Invoice invoice = invoices.findById(invoiceId).orElseThrow(() -> NotFound.of("invoice", invoiceId));
        Hibernate.initialize(invoice.getCustomer());
        List<String> orders = invoice.getLines().stream()
                .filter(line -> line.getSalesOrderLine() != null)
                .map(line -> line.getSalesOrderLine().getOrder().getNumber())
                .distinct().sorted().toList();
        Invoice reverses = (Invoice) Hibernate.unproxy(invoice.getReversedInvoice());
        OutboundMail mail = invoice.getMailId() == null ? null : mails.findById(invoice.getMailId()).orElse(null);
        List<OutboundMail> copies = copies(mail);
        return new Record(invoice, InvoiceDocument.taxes(invoice), orders, reverses,
                invoices.findByReversedInvoiceId(invoiceId), mail, copies, seen(mail, copies));
    }

    /** A document as a file: its name and its PDF. */
    public record Pdf(String fileName, byte[] content) {
    }

    /**
     * The document: for a document mailed to the customer, the very PDF the mail carried; otherwise
     * printed now (a draft as a preview, marked as such).
     */
    public Pdf pdf(Long invoiceId) {
        Invoice invoice = invoices.findById(invoiceId).orElseThrow(() -> NotFound.of("invoice", invoiceId));
        OutboundMail mail = invoice.getMailId() == null ? null : mails.findById(invoice.getMailId()).orElse(null);
        return new Pdf(document.fileName(invoice),
                mail != null && mail.getAttachment() != null ? mail.getAttachment() : document.pdf(invoiceId));
    }

    private static String where(Filter filter, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (filter.number() != null) {
            where.append(" and lower(i.number) like :number escape '\\'");
            parameters.put("number", contains(filter.number()));
        }
        if (filter.customer() != null) {
            where.append(" and lower(c.name) like :customer escape '\\'");
            parameters.put("customer", contains(filter.customer()));
        }
        if (filter.order() != null) {
            where.append(" and exists (select 1 from Invoice j join j.orders o where j = i and o.number = :order)");
            parameters.put("order", filter.order().trim().toUpperCase());
        }
        if (filter.state() != null) {
            where.append(" and i.state = :state");
            parameters.put("state", filter.state());
        }
        if (filter.from() != null) {
            where.append(" and i.invoiceDate >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and i.invoiceDate <= :to");
            parameters.put("to", filter.to());
        }
        String shown = "(case when i.moveType = dev.tandem.invoicing.Invoice.MoveType.CREDIT_NOTE"
                + " then -i.amountTotal else i.amountTotal end)";
        if (filter.min() != null) {
            where.append(" and ").append(shown).append(" >= :min");
            parameters.put("min", filter.min());
        }
        if (filter.max() != null) {
            where.append(" and ").append(shown).append(" <= :max");
            parameters.put("max", filter.max());
        }
        return where.toString();
    }

    /** A LIKE pattern for text anywhere in the value, the user's % and _ taken literally. */
    private static String contains(String text) {
        return "%" + text.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, Map<String, Object> parameters) {
        parameters.forEach(query::setParameter);
        return query;
    }
}

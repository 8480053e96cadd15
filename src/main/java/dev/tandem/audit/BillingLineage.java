package dev.tandem.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.common.Company;
import dev.tandem.common.HoursAndMinutes;
import dev.tandem.common.NotFound;
import dev.tandem.common.TaskNames;
import dev.tandem.fieldservice.FieldTaskRepository;
import dev.tandem.helpdesk.TicketRepository;
import dev.tandem.invoicing.BillingAllocation;
import dev.tandem.invoicing.Invoice;
import dev.tandem.invoicing.InvoiceRepository;
import dev.tandem.timesheets.TimesheetEntry;
import dev.tandem.timesheets.TimesheetEntryRepository;

/**
 * Where billed time comes from and goes to, for auditors: an invoice with the timesheet entries
 * it bills (who recorded them, on which order, ticket or field task) and the process instances
 * that created and posted it with who did each of their steps; a timesheet entry with the
 * invoices and credit notes that hold it. Built from the billing ledger, the audit trail and the
 * engine's history, as the asking user is allowed to read it.
 */
@Service
@Transactional(readOnly = true)
public class BillingLineage {

    /**
     * An invoice or credit note: for a credit note, the invoice it reverses; for an invoice, the
     * credit notes against it (drafts included).
     */
    public record InvoiceLineage(Long id, String number, String kind, String state, String customer, String orders,
                                 String invoiceDate, String untaxed, String total, String hoursBilled,
                                 String reverses, List<Holder> creditNotes,
                                 List<Line> lines, List<Entry> entries, List<Change> changes,
                                 List<ProcessRun> processes) {
    }

    public record Line(String description, String kind, String quantity, String unitPrice, String subtotal) {
    }

    /** A timesheet entry as billed here: {@code minutes} is what this document bills (negative: credited). */
    public record Entry(Long id, String workDate, String employee, int actualMinutes, int billedMinutes, int minutes,
                       String description, String workedOn, String recordedBy, String recordedAt,
                       String roundingRule, String surchargeRule) {
    }

    public record Change(String at, String by, String action, String property, String oldValue, String newValue,
                         String processInstanceId) {
    }

    /** A row of the audit trail browsed across records; {@code record} names it as people know it. */
    public record TrailRow(String at, String by, String entity, String entityId, String record, String action,
                           String property, String oldValue, String newValue, String processInstanceId) {
    }

    public record ProcessRun(String processInstanceId, String process, String businessKey, String startedAt,
                             String endedAt, List<Step> userSteps) {
    }

    public record Step(String name, String doneBy, String doneAt) {
    }

    public record EntryLineage(Entry entry, List<Holder> heldBy, List<Change> changes, List<ProcessRun> processes) {
    }

    /** An invoice or credit note holding minutes of an entry (or, for a lineage's credit notes, what it bills). */
    public record Holder(Long invoiceId, String number, String kind, String state, int minutes) {
    }

    /** What one page of the browsed audit trail shows at most. */
    static final int MAX_ROWS = 500;

    private final InvoiceRepository invoices;
    private final TimesheetEntryRepository entries;
    private final EntityManager entityManager;
    private final AuditTrail trail;
    private final HistoryService history;
    private final Company company;
    private final TicketRepository tickets;
    private final FieldTaskRepository fieldTasks;

    BillingLineage(InvoiceRepository invoices, TimesheetEntryRepository entries, EntityManager entityManager,
                   AuditTrail trail, HistoryService history, Company company, TicketRepository tickets,
                   FieldTaskRepository fieldTasks) {
        this.tickets = tickets;
        this.fieldTasks = fieldTasks;
        this.invoices = invoices;
        this.entries = entries;
        this.entityManager = entityManager;
        this.trail = trail;
        this.history = history;
        this.company = company;
    }

    public InvoiceLineage ofInvoice(String number) {
        Invoice invoice = invoices.findByNumber(number.strip()).orElseThrow(() -> NotFound.of("invoice", number));
        List<Entry> billed = invoice.getLines().stream()
                .flatMap(line -> line.getAllocations().stream())
                .sorted(Comparator.comparing((BillingAllocation a) -> a.getEntry().getWorkDate())
                        .thenComparing(a -> a.getEntry().getId()))
                .map(allocation -> entry(allocation.getEntry(), allocation.getMinutes()))
                .toList();
        int minutes = billed.stream().mapToInt(Entry::minutes).sum();
        List<Change> changes = changes("Invoice", invoice.getId());
        List<Holder> creditNotes = invoices.findByReversedInvoiceId(invoice.getId()).stream()
                .map(credit -> new Holder(credit.getId(), credit.getNumber(), credit.getMoveType().name(),
                        credit.getState().name(), credit.getLines().stream().flatMap(line -> line.getAllocations().stream())
                        .mapToInt(BillingAllocation::getMinutes).sum()))
                .toList();
        return new InvoiceLineage(invoice.getId(), invoice.getNumber(), invoice.getMoveType().name(),
                invoice.getState().name(), invoice.getCustomer().getName(), invoice.getOrderNumbers(),
                Objects.toString(invoice.getInvoiceDate(), null), plain(invoice.getAmountUntaxed()),
                plain(invoice.getAmountTotal()), HoursAndMinutes.withDecimal(minutes),
                invoice.getReversedInvoice() == null ? null : invoice.getReversedInvoice().getNumber(), creditNotes,
                invoice.getLines().stream().map(line -> new Line(line.getDescription(), line.getKind().name(),
                        plain(line.getQuantity()), plain(line.getUnitPrice()), plain(line.getSubtotal()))).toList(),
                billed, changes, runs(changes));
    }

    public EntryLineage ofEntry(Long entryId) {
        TimesheetEntry entry = entries.findById(entryId).orElseThrow(() -> NotFound.of("timesheet entry", entryId));
        List<Holder> holders = entityManager.createQuery(
                        """
                        select a from BillingAllocation a where a.entry.id = :entry
                        order by a.invoiceLine.invoice.postedAt nulls last, a.id""", BillingAllocation.class)
                .setParameter("entry", entryId).getResultList().stream()
                .map(allocation -> {
                    Invoice invoice = allocation.getInvoiceLine().getInvoice();
                    return new Holder(invoice.getId(), invoice.getNumber(), invoice.getMoveType().name(),
                            invoice.getState().name(), allocation.getMinutes());
                }).toList();
        List<Change> changes = changes("TimesheetEntry", entryId);
        return new EntryLineage(entry(entry, entry.getBilledMinutes()), holders, changes, runs(changes));
    }

    private Entry entry(TimesheetEntry entry, int minutes) {
        List<Change> recorded = changes("TimesheetEntry", entry.getId()).stream()
                .filter(change -> change.action().equals("INSERT")).limit(1).toList();
        String workedOn = Stream.of(
                        entry.getTicketId() == null ? null
                                : "ticket " + tickets.getReferenceById(entry.getTicketId()).getNumber(),
                        entry.getFieldTaskId() == null ? null
                                : "field task " + fieldTasks.getReferenceById(entry.getFieldTaskId()).getNumber(),
                        entry.getSalesOrderLine() != null
                                ? "order " + entry.getSalesOrderLine().getOrder().getNumber() + ", "
                                + entry.getSalesOrderLine().getDescription() : null)
                .filter(Objects::nonNull).reduce((a, b) -> a + " · " + b).orElse("not billable");
        return new Entry(entry.getId(), entry.getWorkDate().toString(), entry.getEmployee().getName(),
                entry.getActualMinutes(), entry.getBilledMinutes(), minutes, entry.getDescription(), workedOn,
                recorded.isEmpty() ? null : recorded.get(0).by(), recorded.isEmpty() ? null : recorded.get(0).at(),
                entry.getRoundingRule(), entry.getSurcharge().rule());
    }

    /** The latest changes to billing data, newest first, by record type, person and days (inclusive). */
    public List<TrailRow> recentChanges(String entity, String changedBy, LocalDate from, LocalDate to) {
        RecordNames names = new RecordNames(entityManager, company.timeZone());
        return trail.recent(blankToNull(entity), blankToNull(changedBy),
                        from == null ? null : from.atStartOfDay(company.timeZone()).toInstant(),
                        to == null ? null : to.plusDays(1).atStartOfDay(company.timeZone()).toInstant(), MAX_ROWS)
                .stream()
                .map(change -> new TrailRow(moment(change.changedAt()), change.changedBy(), change.entity(),
                        change.entityId(), names.record(change.entity(), change.entityId()), change.action(),
                        change.property(), names.value(change.entity(), change.property(), change.oldValue()),
                        names.value(change.entity(), change.property(), change.newValue()), change.processInstanceId()))
                .toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private List<Change> changes(String entity, Object id) {
        RecordNames names = new RecordNames(entityManager, company.timeZone());
        return trail.of(entity, id).stream()
                .map(change -> new Change(moment(change.changedAt()), change.changedBy(), change.action(),
                        change.property(), names.value(entity, change.property(), change.oldValue()),
                        names.value(entity, change.property(), change.newValue()), change.processInstanceId()))
                .toList();
    }

    /** The zone every time of the audit page is shown in: the company's. */
    public String timeZone() {
        return company.timeZone().getId();
    }

    /** The process instances whose steps made these changes, as far as the asking user may read their history. */
    private List<ProcessRun> runs(List<Change> changes) {
        Set<String> processInstanceIds = changes.stream().map(Change::processInstanceId).filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (processInstanceIds.isEmpty()) {
            return List.of();
        }
        return history.createHistoricProcessInstanceQuery()
                .processInstanceIds(processInstanceIds).orderByProcessInstanceStartTime().asc().list().stream()
                .map(this::run).toList();
    }

    private ProcessRun run(HistoricProcessInstance instance) {
        List<Step> steps = history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                .finished().orderByHistoricTaskInstanceEndTime().asc().list().stream()
                // The step's own name: the run already says which order or task it is about.
                .map(task -> new Step(TaskNames.step(task.getName()), task.getAssignee(),
                        moment(task.getEndTime().toInstant())))
                .toList();
        return new ProcessRun(instance.getId(), instance.getProcessDefinitionName(), instance.getBusinessKey(),
                moment(instance.getStartTime().toInstant()),
                instance.getEndTime() == null ? null : moment(instance.getEndTime().toInstant()), steps);
    }

    private String moment(Instant instant) {
        return RecordNames.MOMENT.format(instant.atZone(company.timeZone()));
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}

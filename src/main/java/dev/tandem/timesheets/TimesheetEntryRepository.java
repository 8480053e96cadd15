package dev.tandem.timesheets;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface TimesheetEntryRepository extends JpaRepository<TimesheetEntry, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from TimesheetEntry e where e.id = :id")
    Optional<TimesheetEntry> lock(Long id);

    @Query("""
            select coalesce(sum(e.actualMinutes), 0) from TimesheetEntry e
            where e.employee.id = :employeeId and e.workDate = :workDate and e.id <> :exceptEntryId""")
    long minutesOfDay(Long employeeId, LocalDate workDate, Long exceptEntryId);

    /** Billed minutes still held by the billing ledger (0 = not invoiced, or credited back), as committed or written in this transaction. */
    @Query("select e.invoicedMinutes from TimesheetEntry e where e.id = :entryId")
    long invoicedMinutes(Long entryId);

    /** The billable minutes delivered on an order line, invoiced or not. */
    @Query("""
            select coalesce(sum(e.billedMinutes), 0) from TimesheetEntry e
            where e.salesOrderLine.id = :lineId and e.billable = true""")
    long billableMinutes(Long lineId);

    List<TimesheetEntry> findByTicketId(Long ticketId);

    List<TimesheetEntry> findByFieldTaskIdOrderByWorkDateAscIdAsc(Long fieldTaskId);

    /** Billable entries of these lines not held by the ledger, worked in a period, read only (a dry run of invoicing). */
    @Query("""
            select e from TimesheetEntry e
            where e.salesOrderLine.id in :lineIds and e.workDate between :from and :to and \
            """ + TimesheetEntry.TO_INVOICE + " order by e.id")
    List<TimesheetEntry> findUninvoiced(Collection<Long> lineIds, LocalDate from, LocalDate to);

    /** Billable entries of these lines not held by the ledger, locked against a concurrent invoice in id order. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("""
            select e from TimesheetEntry e
            where e.salesOrderLine.id in :lineIds and e.workDate between :from and :to and \
            """ + TimesheetEntry.TO_INVOICE + " order by e.id")
    List<TimesheetEntry> lockUninvoiced(Collection<Long> lineIds, LocalDate from, LocalDate to);

    /** Whether a line has billable time not held by the ledger, whenever worked (read only: to explain a refusal). */
    @Query("""
            select count(e) > 0 from TimesheetEntry e
            where e.salesOrderLine.id = :lineId and \
            """ + TimesheetEntry.TO_INVOICE)
    boolean hasUninvoiced(Long lineId);
}

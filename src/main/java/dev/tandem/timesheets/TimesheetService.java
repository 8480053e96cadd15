package dev.tandem.timesheets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.catalog.Employee;
import dev.tandem.catalog.EmployeeRepository;
import dev.tandem.common.BillingException;
import dev.tandem.common.NotFound;
import dev.tandem.sales.SalesOrderLine;
import dev.tandem.sales.SalesOrderLineRepository;
import dev.tandem.sales.SalesOrderRepository;

/**
 * Records and corrects timesheet entries, refusing every bad input of BILLING-RULES.md with the
 * message a person needs. Each refusal happens before anything is written.
 */
@Service
@Transactional(noRollbackFor = BillingException.class)
public class TimesheetService {

    static final int MINUTES_PER_DAY = 24 * 60;
    public static final String ALREADY_INVOICED = "You cannot modify timesheets that are already invoiced.";

    private final TimesheetEntryRepository entries;
    private final EmployeeRepository employees;
    private final SalesOrderLineRepository orderLines;
    private final RateSurchargeRules surcharges;
    private final Clock clock;
    private final TimerService timers;
    private final SalesOrderRepository orders;

    TimesheetService(TimesheetEntryRepository entries, EmployeeRepository employees,
                     SalesOrderLineRepository orderLines, RateSurchargeRules surcharges, Clock clock, TimerService timers,
                     SalesOrderRepository orders) {
        this.orders = orders;
        this.timers = timers;
        this.entries = entries;
        this.employees = employees;
        this.orderLines = orderLines;
        this.surcharges = surcharges;
        this.clock = clock;
    }

    /** Time logged by hand, in hours (e.g. 1.5). */
    public TimesheetEntry recordHours(Long employeeId, TimesheetTarget target, LocalDate workDate, BigDecimal hours,
                                      String description) {
        if (hours == null) {
            throw new BillingException("The time spent is required.");
        }
        if (hours.compareTo(BigDecimal.valueOf(MINUTES_PER_DAY / 60)) > 0) {
            throw new BillingException("One timesheet entry cannot exceed 24 hours.");
        }
        return recordMinutes(employeeId, target, workDate,
                hours.multiply(BigDecimal.valueOf(60)).setScale(0, RoundingMode.HALF_UP).intValueExact(), description);
    }

    /** Time a person logs on the hours line of an order (the one a Log time instance is about). */
    public TimesheetEntry logOnOrder(String userId, String orderNumber, LocalDate workDate, Integer minutes,
                                     String description) {
        return recordMinutes(employees.ofUser(userId).getId(),
                TimesheetTarget.orderLine(orders.ofInstance(orderNumber).hoursLine().getId()), workDate, minutes,
                description);
    }

    /** Time logged by hand, in minutes (5:20 typed is 320). */
    public TimesheetEntry recordMinutes(Long employeeId, TimesheetTarget target, LocalDate workDate, Integer minutes,
                                        String description) {
        if (minutes == null) {
            throw new BillingException("The time spent is required.");
        }
        if (minutes > MINUTES_PER_DAY) {
            throw new BillingException("One timesheet entry cannot exceed 24 hours.");
        }
        return record(employeeId, target, workDate, minutes, minutes, description, null);
    }

    /**
     * Time measured by a stopped timer: actual and rounded minutes, with its start and end. The timer
     * is then gone, so its time is recorded once.
     */
    public TimesheetEntry recordTimer(Long employeeId, TimesheetTarget target, TimerService.StoppedTimer stopped,
                                      String description) {
        TimesheetEntry entry = record(employeeId, target, stopped.workDate(), stopped.actualMinutes(),
                stopped.billedMinutes(), description, stopped);
        timers.discardStopped(employeeId, stopped.workItem());
        return entry;
    }

    /** @param timer the stopped timer the time comes from, or null for time logged by hand */
    private TimesheetEntry record(Long employeeId, TimesheetTarget target, LocalDate workDate, int actualMinutes,
                                  int billedMinutes, String description, TimerService.StoppedTimer timer) {
        Employee employee = employee(employeeId);
        if (target == null || target instanceof TimesheetTarget.OrderLine && target.lineId() == null) {
            throw new BillingException("Say what the time was spent on: an order line, a ticket or a field task.");
        }
        SalesOrderLine line = target.lineId() == null ? null : orderLine(target.lineId());
        checkDescription(description);
        checkTime(employee, workDate, actualMinutes, billedMinutes, null);
        checkOrderOpen(line);
        TimesheetEntry entry = new TimesheetEntry(employee, workDate, actualMinutes, billedMinutes,
                description.strip(), line,
                target instanceof TimesheetTarget.Ticket ticket ? ticket.ticketId() : null,
                target instanceof TimesheetTarget.FieldTask task ? task.taskId() : null);
        if (target instanceof TimesheetTarget.FieldTask task && task.signed()) {
            entry.markAmendment();
        }
        if (timer != null) {
            entry.timed(timer.startedAt(), timer.endedAt(), timer.rounding().describe());
        }
        entry.surcharge(surcharge(entry));
        return entries.save(entry);
    }

    /**
     * Changes the time, date, employee or order line of an entry. Refused once the entry is on an
     * invoice (draft or posted) and not credited back: corrections go through credit notes.
     */
    public TimesheetEntry change(Long entryId, Long employeeId, LocalDate workDate, BigDecimal hours, Long lineId) {
        TimesheetEntry entry = entries.lock(entryId).orElseThrow(() -> NotFound.of("timesheet entry", entryId));
        Employee employee = employee(employeeId);
        int minutes = hours.multiply(BigDecimal.valueOf(60)).setScale(0, RoundingMode.HALF_UP).intValueExact();
        SalesOrderLine line = lineId == null ? null : orderLine(lineId);
        boolean changes = !Objects.equals(employee.getId(), entry.getEmployee().getId())
                || !workDate.equals(entry.getWorkDate())
                || minutes != entry.getBilledMinutes()
                || !Objects.equals(lineId, entry.getSalesOrderLine() == null ? null : entry.getSalesOrderLine().getId());
        if (!changes) {
            return entry;
        }
        if (entries.invoicedMinutes(entryId) != 0) {
            throw new BillingException(ALREADY_INVOICED);
        }
        checkTime(employee, workDate, minutes, minutes, entryId);
        checkOrderOpen(line);
        boolean repriced = !workDate.equals(entry.getWorkDate())
                || !Objects.equals(lineId, entry.getSalesOrderLine() == null ? null : entry.getSalesOrderLine().getId());
        entry.change(employee, workDate, minutes, line);
        if (repriced) {
            entry.surcharge(surcharge(entry));
        }
        return entry;
    }

    /** The surcharge the rate table gives the entry's customer for its date and, for timer entries, start hour. */
    private RateSurcharge surcharge(TimesheetEntry entry) {
        if (entry.getSalesOrderLine() == null) {
            return RateSurcharge.NONE;
        }
        LocalTime started = entry.getStartedAt() == null ? null
                : entry.getStartedAt().atZone(entry.getEmployee().getTimeZone()).toLocalTime();
        return surcharges.forWork(entry.getSalesOrderLine().getOrder().getCustomer().getName(), entry.getWorkDate(),
                started);
    }

    /** Always allowed, also on invoiced entries: the text does not change what is billed. */
    public TimesheetEntry describe(Long entryId, String description) {
        TimesheetEntry entry = entries.findById(entryId).orElseThrow(() -> NotFound.of("timesheet entry", entryId));
        checkDescription(description);
        entry.describe(description.strip());
        return entry;
    }

    public void delete(Long entryId) {
        TimesheetEntry entry = entries.lock(entryId).orElseThrow(() -> NotFound.of("timesheet entry", entryId));
        if (entries.invoicedMinutes(entryId) != 0) {
            throw new BillingException("You cannot delete timesheets that are already invoiced.");
        }
        entries.delete(entry);
    }

    private void checkTime(Employee employee, LocalDate workDate, int actualMinutes, int billedMinutes,
                           Long exceptEntryId) {
        if (actualMinutes <= 0 || billedMinutes <= 0) {
            throw new BillingException("The time spent must be positive.");
        }
        if (actualMinutes > MINUTES_PER_DAY) {
            throw new BillingException("One timesheet entry cannot exceed 24 hours.");
        }
        if (workDate == null) {
            throw new BillingException("The work date is required.");
        }
        if (workDate.isAfter(LocalDate.now(clock.withZone(employee.getTimeZone())))) {
            throw new BillingException("The work date %s is in the future.".formatted(workDate));
        }
        long dayTotal = entries.minutesOfDay(employee.getId(), workDate, exceptEntryId == null ? -1L : exceptEntryId);
        if (dayTotal + actualMinutes > MINUTES_PER_DAY) {
            throw new BillingException("%s would have more than 24 hours on %s.".formatted(employee.getName(), workDate));
        }
    }

    private static void checkDescription(String description) {
        if (description == null || description.isBlank()) {
            throw new BillingException("Describe the work done.");
        }
    }

    private static void checkOrderOpen(SalesOrderLine line) {
        if (line != null) {
            line.getOrder().requireOpenForWork();
        }
    }

    /**
     * Whether a prepaid line still has sold hours its billable time has not used up: where a new
     * ticket of the customer draws its time from.
     */
    @Transactional(readOnly = true)
    public boolean hasHoursLeft(SalesOrderLine line) {
        return minutes(line.getOrderedQuantity()).compareTo(BigDecimal.valueOf(entries.billableMinutes(line.getId()))) > 0;
    }

    /**
     * Records that the salesperson was asked to sell more hours on this prepaid line, the first time
     * its delivered time exceeds ordered × the product's threshold. True exactly once per line, also
     * when two entries arrive at the same moment: the line is locked before its time is summed.
     */
    public boolean requestUpsellIfDue(Long lineId) {
        SalesOrderLine line = orderLines.lock(lineId).orElseThrow(() -> NotFound.of("order line", lineId));
        if (!line.isPrepaid() || line.getUpsellRequestedAt() != null) {
            return false;
        }
        BigDecimal limit = minutes(line.getOrderedQuantity().multiply(line.getProduct().getUpsellThreshold()));
        if (BigDecimal.valueOf(entries.billableMinutes(lineId)).compareTo(limit) <= 0) {
            return false;
        }
        line.markUpsellRequested(clock.instant());
        return true;
    }

    private static BigDecimal minutes(BigDecimal hours) {
        return hours.multiply(BigDecimal.valueOf(60));
    }

    private Employee employee(Long employeeId) {
        if (employeeId == null) {
            throw new BillingException("The employee is required.");
        }
        return employees.findById(employeeId).orElseThrow(() -> NotFound.of("employee", employeeId));
    }

    private SalesOrderLine orderLine(Long lineId) {
        return orderLines.findById(lineId).orElseThrow(() -> NotFound.of("order line", lineId));
    }
}

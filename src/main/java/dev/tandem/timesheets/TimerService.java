package dev.tandem.timesheets;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.catalog.Employee;
import dev.tandem.catalog.EmployeeRepository;
import dev.tandem.common.BillingException;
import dev.tandem.common.NotFound;

/**
 * Start, pause, resume and stop, all computed on the server. An employee has at most one running
 * timer: starting or resuming one pauses the others instead of refusing.
 */
@Service
@Transactional(noRollbackFor = BillingException.class)
public class TimerService {

    private final TimerRepository timers;
    private final EmployeeRepository employees;
    private final Clock clock;

    TimerService(TimerRepository timers, EmployeeRepository employees, Clock clock) {
        this.timers = timers;
        this.employees = employees;
        this.clock = clock;
    }

    /** What a stopped timer measured; the work date is the stop date in the employee's zone. */
    public record StoppedTimer(String workItem, Instant startedAt, Instant endedAt, int actualMinutes,
                               int billedMinutes, LocalDate workDate, TimeRounding rounding) {
    }

    public Timer start(Long employeeId, String workItem) {
        Employee employee = employees.findById(employeeId).orElseThrow(() -> NotFound.of("employee", employeeId));
        Instant now = clock.instant();
        Timer timer = timers.findByEmployeeIdAndWorkItem(employeeId, workItem).orElse(null);
        if (timer != null && timer.isRunning()) {
            throw new BillingException("The timer on %s is already running.".formatted(workItem));
        }
        if (timer != null && timer.isStopped()) {
            throw new BillingException("The timer on %s was stopped: confirm its time first.".formatted(workItem));
        }
        pauseOthers(employeeId, workItem, now);
        if (timer == null) {
            return timers.save(new Timer(employee, workItem, now));
        }
        timer.resume(now);
        return timer;
    }

    public Timer pause(Long employeeId, String workItem) {
        Timer timer = running(employeeId, workItem);
        if (!timer.isRunning()) {
            throw new BillingException("The timer on %s is already paused.".formatted(workItem));
        }
        timer.pause(clock.instant());
        return timer;
    }

    public Timer resume(Long employeeId, String workItem) {
        Timer timer = running(employeeId, workItem);
        if (timer.isRunning()) {
            throw new BillingException("The timer on %s is not paused.".formatted(workItem));
        }
        Instant now = clock.instant();
        pauseOthers(employeeId, workItem, now);
        timer.resume(now);
        return timer;
    }

    /**
     * Stops the timer for good and keeps it, with the rounding chosen now, until its time is
     * recorded: what is billed comes from this row, not from what a form sends back. A timer that
     * ran less than a minute counts as one, so it still bills the minimum.
     */
    public StoppedTimer stop(Long employeeId, String workItem, TimeRounding rounding) {
        Timer timer = existing(employeeId, workItem);
        if (timer.isStopped()) {
            throw new BillingException("The timer on %s is already stopped.".formatted(workItem));
        }
        timer.stop(clock.instant(), rounding);
        return measured(timer);
    }

    /** What the stopped timer on this work item measured, to be confirmed. */
    @Transactional(readOnly = true)
    public StoppedTimer stopped(Long employeeId, String workItem) {
        Timer timer = existing(employeeId, workItem);
        if (!timer.isStopped()) {
            throw new BillingException("The timer on %s has not been stopped.".formatted(workItem));
        }
        return measured(timer);
    }

    /** The stopped timer's time was recorded: the timer is gone, so it cannot be recorded twice. */
    public void discardStopped(Long employeeId, String workItem) {
        timers.findByEmployeeIdAndWorkItem(employeeId, workItem).filter(Timer::isStopped).ifPresent(timers::delete);
    }

    private static StoppedTimer measured(Timer timer) {
        Instant end = timer.getStoppedAt();
        long seconds = timer.elapsed(end).toSeconds();
        int actual = (int) Math.max(1, (seconds + 30) / 60);
        TimeRounding rounding = timer.getRounding();
        LocalDate workDate = end.atZone(timer.getEmployee().getTimeZone()).toLocalDate();
        return new StoppedTimer(timer.getWorkItem(), timer.getStartedAt(), end, actual, rounding.billedMinutes(actual), workDate, rounding);
    }

    /** The work items whose timers of this employee run now (at most one). */
    @Transactional(readOnly = true)
    public List<String> runningWorkItems(Long employeeId) {
        return timers.findByEmployeeIdAndPausedAtIsNull(employeeId).stream().map(Timer::getWorkItem).toList();
    }

    private void pauseOthers(Long employeeId, String workItem, Instant now) {
        timers.findByEmployeeIdAndPausedAtIsNull(employeeId).stream()
                .filter(other -> !other.getWorkItem().equals(workItem))
                .forEach(other -> other.pause(now));
    }

    private Timer running(Long employeeId, String workItem) {
        Timer timer = existing(employeeId, workItem);
        if (timer.isStopped()) {
            throw new BillingException("The timer on %s was stopped.".formatted(workItem));
        }
        return timer;
    }

    private Timer existing(Long employeeId, String workItem) {
        return timers.findByEmployeeIdAndWorkItem(employeeId, workItem)
                .orElseThrow(() -> new BillingException("No timer runs on %s.".formatted(workItem)));
    }
}

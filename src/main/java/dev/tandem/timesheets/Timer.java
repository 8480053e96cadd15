package dev.tandem.timesheets;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import dev.tandem.catalog.Employee;

/** A running or paused timer of one employee on one work item (a field task or a ticket number). */
@Entity
public class Timer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Employee employee;
    private String workItem;
    private Instant startedAt;
    private Instant pausedAt;
    private long pausedSeconds;
    private Instant stoppedAt;
    private Integer roundingMinimum;
    private Integer roundingStep;
    private String roundingRule;

    protected Timer() {
    }

    Timer(Employee employee, String workItem, Instant now) {
        this.employee = employee;
        this.workItem = workItem;
        this.startedAt = now;
    }

    public boolean isRunning() {
        return pausedAt == null;
    }

    public boolean isStopped() {
        return stoppedAt != null;
    }

    /** Stops for good: the time counted up to now (or the pause) and the rounding to bill it by are kept. */
    void stop(Instant now, TimeRounding rounding) {
        if (pausedAt == null) {
            pausedAt = now;
        }
        stoppedAt = pausedAt;
        roundingMinimum = rounding.minimumMinutes();
        roundingStep = rounding.stepMinutes();
        roundingRule = rounding.rule();
    }

    public Instant getStoppedAt() {
        return stoppedAt;
    }

    public TimeRounding getRounding() {
        return stoppedAt == null ? null : new TimeRounding(roundingMinimum, roundingStep, roundingRule);
    }

    void pause(Instant now) {
        pausedAt = now;
    }

    /** Pausing shifts the start: the paused span does not count. */
    void resume(Instant now) {
        pausedSeconds += Duration.between(pausedAt, now).toSeconds();
        pausedAt = null;
    }

    public Duration elapsed(Instant now) {
        Instant end = pausedAt != null ? pausedAt : now;
        return Duration.between(startedAt, end).minusSeconds(pausedSeconds);
    }

    public Long getId() {
        return id;
    }

    public Employee getEmployee() {
        return employee;
    }

    public String getWorkItem() {
        return workItem;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getPausedAt() {
        return pausedAt;
    }
}

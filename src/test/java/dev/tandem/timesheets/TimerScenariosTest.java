package dev.tandem.timesheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.tandem.BillingFixtures;
import dev.tandem.TandemIntegrationTest;
import dev.tandem.TestClock;
import dev.tandem.catalog.Employee;
import dev.tandem.common.BillingException;

@TandemIntegrationTest
class TimerScenariosTest {

    /** The shipped table's default rule: at least 15 minutes, in quarter hours. */
    private static final TimeRounding QUARTER_HOURS = new TimeRounding(15, 15);

    @Autowired TimerService timers;
    @Autowired TimerRepository timerRows;
    @Autowired TimesheetService timesheets;
    @Autowired BillingFixtures fixtures;
    @Autowired TestClock clock;

    private final LocalDate yesterday = BillingFixtures.today().minusDays(1);

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    private void at(String time) {
        clock.set(ZonedDateTime.of(yesterday, LocalTime.parse(time), BillingFixtures.ZONE).toInstant());
    }

    @Test
    void scenario20_pausedTimeDoesNotCountAndBilledTimeIsRoundedUp() {
        Employee technician = fixtures.employee();
        Long order = fixtures.confirmedOrder(fixtures.customer(), fixtures.postpaid("80"), "10");
        at("09:00");
        timers.start(technician.getId(), "FS-20");
        at("09:20");
        timers.pause(technician.getId(), "FS-20");
        at("09:30");
        timers.resume(technician.getId(), "FS-20");
        at("09:47");

        TimerService.StoppedTimer stopped = timers.stop(technician.getId(), "FS-20", QUARTER_HOURS);

        assertThat(stopped.actualMinutes()).isEqualTo(37);
        assertThat(stopped.billedMinutes()).isEqualTo(45);
        assertThat(stopped.workDate()).isEqualTo(yesterday);
        assertThat(timerRows.findByEmployeeIdAndWorkItem(technician.getId(), "FS-20")).get()
                .as("kept until its time is recorded").satisfies(timer -> assertThat(timer.isStopped()).isTrue());
        TimesheetEntry entry = timesheets.recordTimer(technician.getId(),
                TimesheetTarget.orderLine(fixtures.line(order)), stopped, "Replaced the router");
        assertThat(entry.getActualMinutes()).isEqualTo(37);
        assertThat(entry.getBilledMinutes()).isEqualTo(45);
        assertThat(timerRows.findByEmployeeIdAndWorkItem(technician.getId(), "FS-20")).isEmpty();
    }

    @Test
    void scenario22_startingASecondTimerPausesTheRunningOne() {
        Employee technician = fixtures.employee();
        at("10:00");
        timers.start(technician.getId(), "FS-A");
        at("10:10");

        timers.start(technician.getId(), "FS-B");

        assertThat(timerRows.findByEmployeeIdAndWorkItem(technician.getId(), "FS-A").orElseThrow().isRunning()).isFalse();
        assertThat(timerRows.findByEmployeeIdAndWorkItem(technician.getId(), "FS-B").orElseThrow().isRunning()).isTrue();
        assertThat(timerRows.findByEmployeeIdAndPausedAtIsNull(technician.getId())).hasSize(1);
    }

    @Test
    void pausingAPausedTimerIsRefused() {
        Employee technician = fixtures.employee();
        timers.start(technician.getId(), "FS-P");
        timers.pause(technician.getId(), "FS-P");

        assertThatThrownBy(() -> timers.pause(technician.getId(), "FS-P"))
                .isInstanceOf(BillingException.class).hasMessageContaining("already paused");
    }
}

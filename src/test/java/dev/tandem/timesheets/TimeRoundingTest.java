package dev.tandem.timesheets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimeRoundingTest {

    /** The shipped table's default rule: at least 15 minutes, in quarter hours. */
    private static final TimeRounding QUARTER_HOURS = new TimeRounding(15, 15);

    @Test
    void scenario21_shortTimerIsBilledTheMinimum() {
        assertThat(QUARTER_HOURS.billedMinutes(6)).isEqualTo(15);
    }

    @Test
    void scenario21_minutesAreRoundedUpToTheNextStep() {
        assertThat(new TimeRounding(0, 30).billedMinutes(31)).isEqualTo(60);
        assertThat(QUARTER_HOURS.billedMinutes(37)).isEqualTo(45);
        assertThat(QUARTER_HOURS.billedMinutes(45)).isEqualTo(45);
    }

    @Test
    void scenario21_stepZeroMeansNoRounding() {
        assertThat(new TimeRounding(15, 0).billedMinutes(31)).isEqualTo(31);
    }
}

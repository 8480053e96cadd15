package dev.tandem.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class HoursAndMinutesTest {

    @Test
    void timeIsShownAsHoursAndMinutesBesideTheDecimalHoursMoneyUses() {
        assertThat(HoursAndMinutes.of(370)).isEqualTo("6:10");
        assertThat(HoursAndMinutes.of(5)).isEqualTo("0:05");
        assertThat(HoursAndMinutes.of(-25)).isEqualTo("-0:25");
        assertThat(HoursAndMinutes.withDecimal(370)).isEqualTo("6:10 h · 6.17 h");
        assertThat(HoursAndMinutes.withDecimal(new BigDecimal("5.5"))).isEqualTo("5:30 h · 5.50 h");
    }

    @Test
    void timeIsTypedAsHoursAndMinutesOrAsDecimalHours() {
        assertThat(HoursAndMinutes.parse("5:20")).isEqualTo(320);
        assertThat(HoursAndMinutes.parse(" 0:45 ")).isEqualTo(45);
        assertThat(HoursAndMinutes.parse("5.5")).isEqualTo(330);
        assertThat(HoursAndMinutes.parse("5,25")).isEqualTo(315);
        assertThat(HoursAndMinutes.parse("2")).isEqualTo(120);
        assertThat(HoursAndMinutes.parse("5:60")).isNull();
        assertThat(HoursAndMinutes.parse("5.333")).isNull();
        assertThat(HoursAndMinutes.parse("-1")).isNull();
        assertThat(HoursAndMinutes.parse("five")).isNull();
        assertThat(HoursAndMinutes.parse("")).isNull();
    }
}

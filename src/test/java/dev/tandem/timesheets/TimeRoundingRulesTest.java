package dev.tandem.timesheets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.tandem.TandemIntegrationTest;

/** The rounding table a process owner edits in processes/timer-rounding.dmn, as deployed. */
@TandemIntegrationTest
class TimeRoundingRulesTest {

    @Autowired TimeRoundingRules rules;

    @Test
    void withoutASpecialRuleTimersBillAtLeastAQuarterHourInQuarterHours() {
        TimeRounding rounding = rules.forWork("Customer Care", "Acme Corp");

        assertThat(rounding).isEqualTo(TimeRounding.DEFAULT);
        assertThat(rounding.billedMinutes(6)).isEqualTo(15);
        assertThat(rounding.billedMinutes(37)).isEqualTo(45);
    }

    @Test
    void aCustomerRuleWinsOverTheDefault() {
        TimeRounding rounding = rules.forWork(null, "Globex Corporation");

        assertThat(rounding).isEqualTo(new TimeRounding(30, 30));
        assertThat(rounding.billedMinutes(31)).isEqualTo(60);
    }

    @Test
    void unknownTeamsAndCustomersGetTheDefault() {
        assertThat(rules.forWork(null, null)).isEqualTo(TimeRounding.DEFAULT);
    }
}

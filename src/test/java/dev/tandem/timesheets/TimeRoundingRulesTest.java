package dev.tandem.timesheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.tandem.TandemIntegrationTest;
import dev.tandem.common.ActingUser;

/** The rounding table a process owner edits in processes/timer-rounding.dmn, as deployed. */
@TandemIntegrationTest
class TimeRoundingRulesTest {

    static final TimeRounding STANDARD = new TimeRounding(15, 15, "Standard: quarter hours");

    @Autowired TimeRoundingRules rules;
    @Autowired RepositoryService repository;
    @Autowired ActingUser acting;

    @Test
    void withoutASpecialRuleTimersBillAtLeastAQuarterHourInQuarterHours() {
        TimeRounding rounding = rules.forWork("Acme Corp");

        assertThat(rounding).isEqualTo(STANDARD);
        assertThat(rounding.billedMinutes(6)).isEqualTo(15);
        assertThat(rounding.billedMinutes(37)).isEqualTo(45);
    }

    @Test
    void aCustomerRuleWinsOverTheDefault() {
        TimeRounding rounding = rules.forWork("Globex Corporation");

        assertThat(rounding).isEqualTo(new TimeRounding(30, 30, "Globex contract: started half hours"));
        assertThat(rounding.billedMinutes(31)).isEqualTo(60);
    }

    @Test
    void unknownCustomersGetTheDefault() {
        assertThat(rules.forWork(null)).isEqualTo(STANDARD);
    }

    @Test
    void aTableAProcessOwnerDeploysRulesTheNextTimer() throws Exception {
        String table = Files.readString(Path.of("processes", "timer-rounding.dmn"))
                .replace("<outputEntry id=\"outputEntry_defaultMinimum\"><text>15</text>",
                        "<outputEntry id=\"outputEntry_defaultMinimum\"><text>10</text>")
                .replace("<outputEntry id=\"outputEntry_defaultStep\"><text>15</text>",
                        "<outputEntry id=\"outputEntry_defaultStep\"><text>5</text>")
                .replace("\"Standard: quarter hours\"", "\"Standard: five minutes\"");
        String deployment = acting.as("olivia", () -> repository.createDeployment().name("timer rounding, changed")
                .addString("timer-rounding.dmn", table).deploy().getId());
        try {
            assertThat(rules.forWork("Acme Corp")).isEqualTo(new TimeRounding(10, 5, "Standard: five minutes"));
        } finally {
            repository.deleteDeployment(deployment, true);
        }
        assertThat(rules.forWork("Acme Corp")).isEqualTo(STANDARD);
    }
}

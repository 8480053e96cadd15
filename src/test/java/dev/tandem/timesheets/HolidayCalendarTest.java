package dev.tandem.timesheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.tandem.BillingFixtures;
import dev.tandem.TandemIntegrationTest;
import dev.tandem.TestClock;
import dev.tandem.common.StepOutcome;
import dev.tandem.common.ActingUser;
import dev.tandem.timesheets.process.HolidayCalendarProcess;

/**
 * The public holidays table process owners keep (processes/public-holidays.dmn): the surcharges
 * follow it, and a month before it runs out the process owners are asked, once, to extend it.
 */
@TandemIntegrationTest
class HolidayCalendarTest {

    @Autowired HolidayCalendar calendar;
    @Autowired RateSurchargeRules surcharges;
    @Autowired ProcessEngine engine;
    @Autowired ActingUser acting;
    @Autowired TestClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void theShippedCalendarNamesEachHolidayThroughTheYearsItCovers() {
        assertThat(calendar.holiday(LocalDate.of(2026, 12, 25))).contains("Christmas Day");
        assertThat(calendar.holiday(LocalDate.of(2028, 6, 5))).contains("Whit Monday");
        assertThat(calendar.holiday(LocalDate.of(2026, 12, 24))).isEmpty();
        assertThat(calendar.coveredUntil()).isEqualTo(LocalDate.of(2030, 12, 31));
        // Globex's holiday surcharge holds in 2029 too, where the old table's list of dates had ended.
        assertThat(surcharges.forWork("Globex Corporation", LocalDate.of(2029, 4, 2), null).percent()).isEqualTo(100);
        assertThat(surcharges.forWork("Globex Corporation", LocalDate.of(2029, 4, 3), null).percent()).isZero();
    }

    @Test
    void aMonthBeforeTheCalendarEndsProcessOwnersAreAskedOnceUntilTheyExtendIt() throws Exception {
        init(engine);
        clock.set(ZonedDateTime.of(2030, 12, 5, 6, 0, 0, 0, BillingFixtures.ZONE).toInstant());
        ProcessInstance morning = engine.getRuntimeService().startProcessInstanceByKey(HolidayCalendarProcess.KEY);
        assertThat(morning).isWaitingAt(HolidayCalendarProcess.USER_TASK_EXTEND).task()
                .hasCandidateGroup("process-owners");
        assertThat((String) engine.getRuntimeService().getVariable(morning.getId(), StepOutcome.VARIABLE))
                .startsWith("The holiday calendar ends on 2030-12-31: public holidays after that day are not surcharged.");

        ProcessInstance nextMorning = engine.getRuntimeService().startProcessInstanceByKey(HolidayCalendarProcess.KEY);
        assertThat(nextMorning).as("asked once").hasPassed(HolidayCalendarProcess.END_EVENT_ALREADY_ASKED).isEnded();

        Task extend = engine.getTaskService().createTaskQuery().processInstanceId(morning.getId()).singleResult();
        acting.as("olivia", () -> {
            engine.getTaskService().claim(extend.getId(), "olivia");
            engine.getTaskService().complete(extend.getId());
            return null;
        });
        assertThat(morning).as("not extended yet: asked again").isWaitingAt(HolidayCalendarProcess.USER_TASK_EXTEND);

        String extended = Files.readString(Path.of("processes", "public-holidays.dmn"))
                .replaceAll("(\"2030-\\d\\d-\\d\\d\")</text>", "$1,\"2031-01-01\"</text>");
        String deployment = acting.as("olivia", () -> engine.getRepositoryService().createDeployment()
                .name("public holidays, 2031").addString("public-holidays.dmn", extended).deploy().getId());
        try {
            Task again = engine.getTaskService().createTaskQuery().processInstanceId(morning.getId()).singleResult();
            acting.as("olivia", () -> {
                engine.getTaskService().claim(again.getId(), "olivia");
                engine.getTaskService().complete(again.getId());
                return null;
            });
            assertThat(morning).hasPassed(HolidayCalendarProcess.END_EVENT_COVERED).isEnded();
            assertThat(calendar.coveredUntil()).isEqualTo(LocalDate.of(2031, 12, 31));
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }
}

package dev.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.tandem.timesheets.process.LogTimeProcess;

/** Auditors' history is kept ten years after an instance ends, and the nightly cleanup is scheduled. */
@TandemIntegrationTest
class HistoryRetentionTest {

    static final int TEN_YEARS_IN_DAYS = 3650;

    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired BillingFixtures fixtures;

    @Test
    void everyModelKeepsItsHistoryTenYears() {
        assertThat(repository.createProcessDefinitionQuery().latestVersion().list())
                .isNotEmpty().extracting(ProcessDefinition::getHistoryTimeToLive).containsOnly(TEN_YEARS_IN_DAYS);
        assertThat(repository.createDecisionDefinitionQuery().latestVersion().list())
                .isNotEmpty().extracting(DecisionDefinition::getHistoryTimeToLive).containsOnly(TEN_YEARS_IN_DAYS);
    }

    @Test
    void aFinishedInstanceIsRemovedTenYearsAfterItEndedByTheScheduledCleanup() {
        Long order = fixtures.confirmedOrder(fixtures.customer(), fixtures.postpaid("80"), "5");
        ProcessInstance instance = runtime.startProcessInstanceByKey(LogTimeProcess.KEY,
                Map.of(LogTimeProcess.ORDER_NUMBER, fixtures.orderNumber(order)));
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        tasks.claim(task.getId(), fixtures.employee().getUserId());
        tasks.complete(task.getId(), Map.of(LogTimeProcess.WORK_DATE, BillingFixtures.today().toString(),
                LogTimeProcess.HOURS, 1.0, LogTimeProcess.DESCRIPTION, "Patched the server"));

        HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId()).singleResult();
        assertThat(ended.getEndTime()).isNotNull();
        assertThat(Duration.between(ended.getEndTime().toInstant(), ended.getRemovalTime().toInstant()))
                .isEqualTo(Duration.ofDays(TEN_YEARS_IN_DAYS));
        assertThat(history.findHistoryCleanupJobs()).as("the nightly history cleanup is scheduled").isNotEmpty();
    }
}

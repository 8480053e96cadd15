package dev.tandem.timesheets.process;

import static dev.tandem.BillingFixtures.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.tandem.BillingFixtures;
import dev.tandem.TandemIntegrationTest;
import dev.tandem.catalog.Employee;
import dev.tandem.invoicing.OrderFigures;
import dev.tandem.timesheets.TimesheetEntryRepository;

@TandemIntegrationTest
class LogTimeProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired BillingFixtures fixtures;
    @Autowired OrderFigures figures;
    @Autowired TimesheetEntryRepository entries;

    private Employee employee;
    private Long order;

    @BeforeEach
    void setUp() {
        init(engine);
        employee = fixtures.employee();
        order = fixtures.confirmedOrder(fixtures.customer(), fixtures.postpaid("80"), "10");
    }

    private ProcessInstance start() {
        return runtime.startProcessInstanceByKey(LogTimeProcess.KEY,
                Map.of(LogTimeProcess.ORDER_NUMBER, fixtures.orderNumber(order)));
    }

    @Test
    void loggedTimeIsRecordedInTheNameOfWhoeverDidTheTask() {
        ProcessInstance instance = start();
        assertThat(instance).isWaitingAt(LogTimeProcess.USER_TASK_LOG_TIME).task().hasCandidateGroup("helpdesk");
        assertThat(instance).hasBusinessKey(fixtures.orderNumber(order));
        tasks.claim(task(instance).getId(), employee.getUserId());

        complete(task(instance), withVariables(LogTimeProcess.WORK_DATE, today().toString(),
                LogTimeProcess.HOURS, 2.5, LogTimeProcess.DESCRIPTION, "Configured the firewall"));

        assertThat(instance).hasPassed(LogTimeProcess.SERVICE_TASK_RECORD).isEnded();
        assertThat(figures.ofLine(fixtures.line(order)).delivered()).isEqualByComparingTo("2.5");
    }

    @Test
    void aRefusedEntryComesBackToThePersonWithTheReason() {
        ProcessInstance instance = start();
        tasks.claim(task(instance).getId(), employee.getUserId());
        long before = entries.count();

        complete(task(instance), withVariables(LogTimeProcess.WORK_DATE, today().plusDays(2).toString(),
                LogTimeProcess.HOURS, 1, LogTimeProcess.DESCRIPTION, "Planned work"));

        assertThat(instance).isWaitingAt(LogTimeProcess.USER_TASK_LOG_TIME)
                .variables().containsEntry(LogTimeProcess.REFUSAL,
                        "The work date %s is in the future.".formatted(today().plusDays(2)));
        assertThat(entries.count()).isEqualTo(before);

        tasks.claim(task(instance).getId(), employee.getUserId());
        complete(task(instance), withVariables(LogTimeProcess.WORK_DATE, today().toString(),
                LogTimeProcess.HOURS, 1, LogTimeProcess.DESCRIPTION, "Done today"));
        assertThat(instance).isEnded();
        assertThat(entries.count()).isEqualTo(before + 1);
    }

    @Test
    void anUnknownOrderRefusesTheStartAndLeavesNoInstance() {
        long before = runtime.createProcessInstanceQuery().processDefinitionKey(LogTimeProcess.KEY).count();

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(LogTimeProcess.KEY,
                Map.of(LogTimeProcess.ORDER_NUMBER, "S99999")))
                .hasMessageContaining("Unknown sales order S99999.");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(LogTimeProcess.KEY).count())
                .isEqualTo(before);
    }
}

package dev.tandem.fieldservice.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.tandem.ModelOnly;

/**
 * The paths of processes/field-service.bpmn with stand-ins for its delegates and listeners: the
 * timer's sub-process (pause, resume, paused by another task, stop), the worksheet in rounds, the
 * signature, and the link events that carry an amendment to the signature and Add time back to
 * the timer.
 */
class FieldServiceModelTest {

    private ModelOnly model;

    @BeforeEach
    void start() throws Exception {
        model = new ModelOnly(FieldServiceProcess.KEY);
    }

    @AfterEach
    void close() {
        model.close();
    }

    private void complete(ProcessInstance instance, String step, Map<String, Object> inputs) {
        assertThat(instance).isWaitingAt(step);
        model.engine.getTaskService().complete(task(instance).getId(), inputs);
    }

    private void complete(ProcessInstance instance, String step) {
        complete(instance, step, Map.of());
    }

    @Test
    void theTimerPausesResumesAndStopsInItsSubProcessThenTheWorksheetIsSignedAndDone() {
        ProcessInstance task = model.engine.getRuntimeService().startProcessInstanceByKey(FieldServiceProcess.KEY,
                "F00001");
        complete(task, FieldServiceProcess.USER_TASK_START_WORK);
        complete(task, FieldServiceProcess.USER_TASK_TIMER_RUNNING,
                Map.of(FieldServiceProcess.TIMER_ACTION, FieldServiceProcess.PAUSE));
        complete(task, FieldServiceProcess.USER_TASK_TIMER_PAUSED,
                Map.of(FieldServiceProcess.TIMER_ACTION, FieldServiceProcess.RESUME));
        model.engine.getRuntimeService().createMessageCorrelation(FieldServiceProcess.MESSAGE_TIMER_PAUSED)
                .processInstanceBusinessKey("F00001").correlate();
        assertThat(task).as("paused by starting another task's timer").isWaitingAt(FieldServiceProcess.USER_TASK_TIMER_PAUSED);
        complete(task, FieldServiceProcess.USER_TASK_TIMER_PAUSED,
                Map.of(FieldServiceProcess.TIMER_ACTION, FieldServiceProcess.STOP));
        complete(task, FieldServiceProcess.USER_TASK_CONFIRM_TIME);
        complete(task, FieldServiceProcess.USER_TASK_WORKSHEET, Map.of(FieldServiceProcess.MORE_MATERIALS, true));
        complete(task, FieldServiceProcess.USER_TASK_WORKSHEET, Map.of(FieldServiceProcess.MORE_MATERIALS, false));
        complete(task, FieldServiceProcess.USER_TASK_CUSTOMER_SIGNS);
        model.runJobs();
        complete(task, FieldServiceProcess.USER_TASK_MARK_AS_DONE,
                Map.of(FieldServiceProcess.DONE_ACTION, FieldServiceProcess.DONE));

        assertThat(task).hasPassed("serviceTask_pauseTimer", "serviceTask_resumeTimer", "serviceTask_stopTimer",
                FieldServiceProcess.SERVICE_TASK_SEND_REPORT, FieldServiceProcess.END_EVENT_DONE).isEnded();
    }

    @Test
    void addTimeGoesBackToTheTimerAndTheAmendmentStraightToTheSignature() {
        ProcessInstance task = model.engine.getRuntimeService().startProcessInstanceByKey(FieldServiceProcess.KEY,
                "F00002");
        complete(task, FieldServiceProcess.USER_TASK_START_WORK);
        complete(task, FieldServiceProcess.USER_TASK_TIMER_RUNNING);
        complete(task, FieldServiceProcess.USER_TASK_CONFIRM_TIME);
        complete(task, FieldServiceProcess.USER_TASK_WORKSHEET);
        complete(task, FieldServiceProcess.USER_TASK_CUSTOMER_SIGNS);
        model.runJobs();
        complete(task, FieldServiceProcess.USER_TASK_MARK_AS_DONE,
                Map.of(FieldServiceProcess.DONE_ACTION, FieldServiceProcess.ADD_TIME));

        assertThat(task).as("Add time leads back to the timer").isWaitingAt(FieldServiceProcess.USER_TASK_TIMER_RUNNING);
        model.with("recordTimeSpent", execution -> execution.setVariable(FieldServiceProcess.AMENDMENT, true));
        complete(task, FieldServiceProcess.USER_TASK_TIMER_RUNNING);
        complete(task, FieldServiceProcess.USER_TASK_CONFIRM_TIME);
        assertThat(task).as("an amendment skips the worksheet").isWaitingAt(FieldServiceProcess.USER_TASK_CUSTOMER_SIGNS);
        complete(task, FieldServiceProcess.USER_TASK_CUSTOMER_SIGNS);
        model.runJobs();
        complete(task, FieldServiceProcess.USER_TASK_MARK_AS_DONE,
                Map.of(FieldServiceProcess.DONE_ACTION, FieldServiceProcess.DONE));
        assertThat(task).hasPassed(FieldServiceProcess.END_EVENT_DONE).isEnded();
    }

    @Test
    void timeAddedToADoneTaskStartsAtTheTimerAndEndsOnceTheAmendedReportIsSent() {
        ProcessInstance amendment = model.engine.getRuntimeService().createMessageCorrelation(
                        FieldServiceProcess.MESSAGE_TIME_ADDED_AFTER_DONE).processInstanceBusinessKey("F00003")
                .setVariable(FieldServiceProcess.REOPENED, true).correlateStartMessage();
        assertThat(amendment).isWaitingAt(FieldServiceProcess.USER_TASK_TIMER_RUNNING);
        model.with("recordTimeSpent", execution -> execution.setVariable(FieldServiceProcess.AMENDMENT, true));
        complete(amendment, FieldServiceProcess.USER_TASK_TIMER_RUNNING);
        complete(amendment, FieldServiceProcess.USER_TASK_CONFIRM_TIME);
        complete(amendment, FieldServiceProcess.USER_TASK_CUSTOMER_SIGNS);
        model.runJobs();
        assertThat(amendment).hasPassed(FieldServiceProcess.END_EVENT_AMENDMENT_REPORTED).isEnded();
    }
}

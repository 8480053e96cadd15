package dev.tandem.sales.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.tandem.ModelOnly;

/**
 * The paths of processes/quotation.bpmn with stand-ins for its delegates: a quotation sent and
 * accepted orders the hours; declined, dropped or left unanswered past its offer it is cancelled,
 * and a dropped one is never printed or mailed.
 */
class QuotationModelTest {

    private ModelOnly model;
    private ProcessInstance quotation;

    @BeforeEach
    void start() throws Exception {
        model = new ModelOnly(QuotationProcess.KEY).with("printQuotation", execution ->
                execution.setVariable(QuotationProcess.EXPIRES_AT, new Date(System.currentTimeMillis() + 86_400_000L)));
        quotation = model.engine.getRuntimeService().startProcessInstanceByKey(QuotationProcess.KEY, "S00002");
        model.runJobs();
    }

    @AfterEach
    void close() {
        model.close();
    }

    private void complete(String variable, String value) {
        model.engine.getTaskService().complete(task(quotation).getId(), Map.of(variable, value));
        model.runJobs();
    }

    @Test
    void aQuotationSentAndAcceptedOrdersTheHours() {
        assertThat(quotation).isWaitingAt(QuotationProcess.USER_TASK_SEND);
        complete(QuotationProcess.DECISION, QuotationProcess.SEND);
        assertThat(quotation).hasPassedInOrder("serviceTask_printQuotation", "serviceTask_mailQuotation")
                .isWaitingAt(QuotationProcess.USER_TASK_ANSWER);

        complete(QuotationProcess.ANSWER, QuotationProcess.ACCEPTED);
        assertThat(quotation).hasPassed("serviceTask_orderTheHours").hasNotPassed("serviceTask_cancelQuotation")
                .isEnded();
        assertThat(quotation).hasPassed(QuotationProcess.END_EVENT_ORDERED);
    }

    @Test
    void aDeclinedQuotationIsCancelled() {
        complete(QuotationProcess.DECISION, QuotationProcess.SEND);
        complete(QuotationProcess.ANSWER, QuotationProcess.DECLINED);

        assertThat(quotation).hasPassed("serviceTask_cancelQuotation", QuotationProcess.END_EVENT_NOT_SOLD)
                .hasNotPassed("serviceTask_orderTheHours").isEnded();
    }

    @Test
    void aDroppedQuotationIsCancelledWithoutBeingPrintedOrMailed() {
        complete(QuotationProcess.DECISION, QuotationProcess.DROP);

        assertThat(quotation).hasPassed("serviceTask_cancelQuotation", QuotationProcess.END_EVENT_NOT_SOLD)
                .hasNotPassed("serviceTask_printQuotation", "serviceTask_mailQuotation").isEnded();
    }

    @Test
    void anOfferLeftUnansweredIsCancelledWhenItExpires() {
        complete(QuotationProcess.DECISION, QuotationProcess.SEND);
        Job expiry = model.engine.getManagementService().createJobQuery().timers().singleResult();
        model.engine.getManagementService().executeJob(expiry.getId());
        model.runJobs();

        assertThat(quotation).hasPassed(QuotationProcess.BOUNDARY_EVENT_EXPIRED, "serviceTask_cancelQuotation")
                .hasNotPassed("serviceTask_orderTheHours").isEnded();
    }
}

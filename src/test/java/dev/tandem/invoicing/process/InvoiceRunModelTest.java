package dev.tandem.invoicing.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.tandem.ModelOnly;

/**
 * The paths of processes/invoice-run.bpmn with stand-ins for its delegates: the orders are
 * invoiced a chunk at a time until none is left; the run waits a minute at a time until every
 * invoice is mailed, then is summarized for the accountant to review.
 */
class InvoiceRunModelTest {

    private ModelOnly model;
    private final AtomicInteger chunks = new AtomicInteger();
    private final AtomicInteger mailChecks = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        model = new ModelOnly(InvoiceRunProcess.KEY)
                .with("recordInvoiceRun", execution -> execution.setVariable(InvoiceRunProcess.ORDERS_LEFT, 3))
                .with("invoiceNextOrders", execution -> {
                    chunks.incrementAndGet();
                    execution.setVariable(InvoiceRunProcess.ORDERS_LEFT,
                            (Integer) execution.getVariable(InvoiceRunProcess.ORDERS_LEFT) - 1);
                })
                .with("checkRunMailed", execution ->
                        execution.setVariable(InvoiceRunProcess.ALL_MAILED, mailChecks.incrementAndGet() == 2));
    }

    @AfterEach
    void close() {
        model.close();
    }

    @Test
    void chunksUntilNoOrderIsLeftThenWaitsForTheMailThenTheAccountantReviews() {
        ProcessInstance run = model.engine.getRuntimeService().startProcessInstanceByKey(InvoiceRunProcess.KEY, "R00001");
        model.runJobs();
        org.assertj.core.api.Assertions.assertThat(chunks).as("one chunk per job, three of them").hasValue(3);
        assertThat(run).as("one invoice not mailed yet").isWaitingAt(InvoiceRunProcess.TIMER_MAIL_WAIT)
                .hasNotPassed("serviceTask_summarizeRun");

        Job minute = model.engine.getManagementService().createJobQuery().timers().singleResult();
        model.engine.getManagementService().executeJob(minute.getId());
        model.runJobs();
        org.assertj.core.api.Assertions.assertThat(mailChecks).hasValue(2);
        assertThat(run).hasPassed("serviceTask_summarizeRun").isWaitingAt(InvoiceRunProcess.USER_TASK_SUMMARY);

        model.engine.getTaskService().complete(task(run).getId());
        assertThat(run).isEnded();
    }
}

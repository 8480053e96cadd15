package dev.tandem.sales.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.tandem.ModelOnly;
import dev.tandem.invoicing.process.InvoicingVariables;

/**
 * The paths of processes/postpaid-support.bpmn with stand-ins for its delegates: every choice of
 * Invoice delivered time ends one round, a refusal too, and the next round begins with the same
 * task until the order is closed.
 */
class PostpaidSupportModelTest {

    private ModelOnly model;
    private ProcessInstance order;

    @BeforeEach
    void start() throws Exception {
        model = new ModelOnly(PostpaidSupportProcess.KEY);
        order = model.engine.getRuntimeService().startProcessInstanceByKey(PostpaidSupportProcess.KEY, "S00001");
    }

    @AfterEach
    void close() {
        model.close();
    }

    private void choose(String action) {
        model.engine.getTaskService().complete(task(order).getId(), Map.of(PostpaidSupportProcess.ACTION, action));
    }

    private void assertNextRound(int rounds) {
        assertThat(order).isWaitingAt(PostpaidSupportProcess.USER_TASK_INVOICE_DELIVERED_TIME);
        org.assertj.core.api.Assertions.assertThat(model.engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(order.getId()).activityId("subProcess_invoicingRound").count())
                .as("rounds of invoicing").isEqualTo(rounds);
    }

    @Test
    void anApprovedDraftIsPostedPrintedAndSentThenTheNextRoundBegins() {
        choose(PostpaidSupportProcess.INVOICE);
        assertThat(order).isWaitingAt(PostpaidSupportProcess.USER_TASK_REVIEW_DRAFT);
        model.engine.getTaskService().complete(task(order).getId(),
                Map.of(InvoicingVariables.REVIEW, InvoicingVariables.APPROVE));
        model.runJobs();

        assertThat(order).hasPassedInOrder(PostpaidSupportProcess.SERVICE_TASK_POST_INVOICE,
                PostpaidSupportProcess.SERVICE_TASK_PRINT_INVOICE, PostpaidSupportProcess.SERVICE_TASK_SEND_INVOICE);
        assertNextRound(2);
    }

    @Test
    void aCancelledDraftOrARefusedOneEndsTheRound() {
        choose(PostpaidSupportProcess.INVOICE);
        model.engine.getTaskService().complete(task(order).getId(),
                Map.of(InvoicingVariables.REVIEW, InvoicingVariables.CANCEL));
        assertThat(order).hasPassed(PostpaidSupportProcess.SERVICE_TASK_CANCEL_DRAFT)
                .hasNotPassed(PostpaidSupportProcess.SERVICE_TASK_POST_INVOICE);
        assertNextRound(2);

        model.with("createDraftInvoice", execution -> {
            throw new BpmnError("INVOICE_REFUSED", "Nothing to invoice on S00001.");
        });
        choose(PostpaidSupportProcess.INVOICE);
        assertThat(order).variables().containsEntry(InvoicingVariables.REFUSAL, "Nothing to invoice on S00001.");
        assertNextRound(3);
    }

    @Test
    void aDownPaymentAndACreditNoteArePrintedAndSentAsInvoicesAre() {
        choose(PostpaidSupportProcess.DOWN_PAYMENT);
        model.runJobs();
        assertThat(order).hasPassed(PostpaidSupportProcess.SERVICE_TASK_ISSUE_DOWN_PAYMENT,
                PostpaidSupportProcess.SERVICE_TASK_SEND_INVOICE);
        assertNextRound(2);

        AtomicInteger attempts = new AtomicInteger();
        model.with("issueCreditNote", execution -> {
            if (attempts.incrementAndGet() == 1) {
                throw new BpmnError("INVOICE_REFUSED", "Tick at least one entry.");
            }
        });
        choose(PostpaidSupportProcess.CREDIT);
        model.engine.getTaskService().complete(task(order).getId());
        assertThat(order).as("a refused credit comes back to the credit step, in the same round")
                .isWaitingAt(PostpaidSupportProcess.USER_TASK_CREDIT_INVOICE);
        model.engine.getTaskService().complete(task(order).getId());
        model.runJobs();
        assertThat(order).hasPassed(PostpaidSupportProcess.SERVICE_TASK_ISSUE_CREDIT_NOTE);
        assertNextRound(3);
    }

    @Test
    void creditingNothingAfterAllEndsTheRoundAndTheNextRoundOffersToIssueAgain() {
        choose(PostpaidSupportProcess.CREDIT);
        model.engine.getTaskService().complete(task(order).getId(),
                Map.of(InvoicingVariables.CREDIT_CHOICE, InvoicingVariables.NOTHING));
        assertThat(order).hasPassed("endEvent_nothingCredited")
                .hasNotPassed(PostpaidSupportProcess.SERVICE_TASK_ISSUE_CREDIT_NOTE);
        assertNextRound(2);

        choose(PostpaidSupportProcess.CREDIT);
        org.assertj.core.api.Assertions.assertThat(model.engine.getTaskService()
                        .getVariable(task(order).getId(), InvoicingVariables.CREDIT_CHOICE))
                .as("each round starts at issuing").isEqualTo(InvoicingVariables.ISSUE);
        model.engine.getTaskService().complete(task(order).getId());
        model.runJobs();
        assertThat(order).hasPassed(PostpaidSupportProcess.SERVICE_TASK_ISSUE_CREDIT_NOTE);
        assertNextRound(3);
    }

    @Test
    void followingUpLaterEndsTheRoundAndClosingEndsTheOrder() {
        choose(PostpaidSupportProcess.WAIT);
        assertThat(order).hasPassed(PostpaidSupportProcess.SERVICE_TASK_WAIT);
        assertNextRound(2);

        choose(PostpaidSupportProcess.CLOSE);
        assertThat(order).hasPassed(PostpaidSupportProcess.SERVICE_TASK_CLOSE_ORDER).isEnded();
    }
}

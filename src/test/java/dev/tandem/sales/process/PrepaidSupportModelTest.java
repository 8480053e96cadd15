package dev.tandem.sales.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

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
 * The paths of processes/prepaid-support.bpmn with stand-ins for its delegates (and for those of
 * the Quotation it calls): invoices until the order is fully invoiced, a refused invoice back to
 * Create invoice, then the support period closed; hours running out beside the main line, ending
 * in a quotation answered or no sale, while the main line waits where it was.
 */
class PrepaidSupportModelTest {

    private ModelOnly model;
    private ProcessInstance order;
    private final AtomicInteger invoices = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        model = new ModelOnly(PrepaidSupportProcess.KEY, QuotationProcess.KEY)
                .with("issueInvoice", execution -> execution.setVariable(InvoicingVariables.FULLY_INVOICED,
                        invoices.incrementAndGet() == 2));
        order = model.engine.getRuntimeService().startProcessInstanceByKey(PrepaidSupportProcess.KEY, "S00001");
    }

    @AfterEach
    void close() {
        model.close();
    }

    private void createInvoice() {
        model.engine.getTaskService().complete(task(PrepaidSupportProcess.USER_TASK_CREATE_INVOICE, order).getId());
        model.runJobs();
    }

    @Test
    void invoicesFollowUntilTheOrderIsFullyInvoicedThenThePeriodIsClosed() {
        assertThat(order).hasPassed("serviceTask_confirmOrder").isWaitingAt(PrepaidSupportProcess.USER_TASK_CREATE_INVOICE);
        createInvoice();
        assertThat(order).as("not fully invoiced: the next invoice")
                .hasPassed(PrepaidSupportProcess.SERVICE_TASK_SEND_INVOICE)
                .isWaitingAt(PrepaidSupportProcess.USER_TASK_CREATE_INVOICE);

        createInvoice();
        assertThat(order).isWaitingAt(PrepaidSupportProcess.USER_TASK_SUPPORT_PERIOD);
        model.engine.getTaskService().complete(task(order).getId());
        assertThat(order).hasPassed(PrepaidSupportProcess.SERVICE_TASK_CLOSE_ORDER).isEnded();
    }

    @Test
    void aRefusedInvoiceGoesBackToCreateInvoiceWithItsReason() {
        model.with("issueInvoice", execution -> {
            throw new BpmnError("INVOICE_REFUSED", "Nothing to invoice on S00001.");
        });
        createInvoice();

        assertThat(order).hasNotPassed(PrepaidSupportProcess.SERVICE_TASK_PRINT_INVOICE)
                .isWaitingAt(PrepaidSupportProcess.USER_TASK_CREATE_INVOICE);
        assertThat(order).variables().containsEntry(InvoicingVariables.REFUSAL, "Nothing to invoice on S00001.");
    }

    @Test
    void hoursRunningOutEndInAQuotationAnsweredOrNoSaleWhileTheMainLineWaits() {
        model.engine.getRuntimeService().createMessageCorrelation(PrepaidSupportProcess.MESSAGE_UPSELL_DUE)
                .processInstanceBusinessKey("S00001").correlate();
        assertThat(order).isWaitingAt(PrepaidSupportProcess.USER_TASK_CREATE_INVOICE,
                PrepaidSupportProcess.USER_TASK_PROPOSE_HOURS);
        model.engine.getTaskService().complete(task(PrepaidSupportProcess.USER_TASK_PROPOSE_HOURS, order).getId(),
                Map.of(PrepaidSupportProcess.PROPOSAL, PrepaidSupportProcess.QUOTATION));

        ProcessInstance quotation = calledProcessInstance(order);
        assertThat(quotation).isWaitingAt(QuotationProcess.USER_TASK_SEND);
        model.engine.getTaskService().complete(task(quotation).getId(),
                Map.of(QuotationProcess.DECISION, QuotationProcess.DROP));
        assertThat(quotation).isEnded();
        assertThat(order).hasPassed(PrepaidSupportProcess.END_EVENT_QUOTATION_CREATED)
                .isWaitingAt(PrepaidSupportProcess.USER_TASK_CREATE_INVOICE);

        model.engine.getRuntimeService().createMessageCorrelation(PrepaidSupportProcess.MESSAGE_UPSELL_DUE)
                .processInstanceBusinessKey("S00001").correlate();
        model.engine.getTaskService().complete(task(PrepaidSupportProcess.USER_TASK_PROPOSE_HOURS, order).getId(),
                Map.of(PrepaidSupportProcess.PROPOSAL, PrepaidSupportProcess.NO_SALE));
        assertThat(order).hasPassed(PrepaidSupportProcess.END_EVENT_NO_SALE)
                .isWaitingAt(PrepaidSupportProcess.USER_TASK_CREATE_INVOICE);
        org.assertj.core.api.Assertions.assertThat(taskQuery().processInstanceId(order.getId()).count()).isEqualTo(1);
    }
}

package dev.tandem.helpdesk.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Map;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.tandem.ModelOnly;

/**
 * The paths of processes/support-ticket.bpmn with stand-ins for its delegates: time recorded on a
 * ticket not resolved comes back to Work on ticket, refused time too (with its reason), and a
 * resolved ticket is closed.
 */
class SupportTicketModelTest {

    private ModelOnly model;
    private ProcessInstance ticket;

    @BeforeEach
    void start() throws Exception {
        model = new ModelOnly(SupportTicketProcess.KEY);
        ticket = model.engine.getRuntimeService().startProcessInstanceByKey(SupportTicketProcess.KEY, "T00001");
    }

    @AfterEach
    void close() {
        model.close();
    }

    private void work(boolean resolved) {
        model.engine.getTaskService().complete(task(ticket).getId(), Map.of(SupportTicketProcess.RESOLVED, resolved));
    }

    @Test
    void workGoesOnUntilTheTicketIsResolvedThenItIsClosed() {
        assertThat(ticket).hasPassed("serviceTask_openTicket").isWaitingAt(SupportTicketProcess.USER_TASK_WORK_ON_TICKET);
        work(false);
        assertThat(ticket).hasPassed("serviceTask_recordTicketTime").hasNotPassed(SupportTicketProcess.SERVICE_TASK_CLOSE_TICKET)
                .isWaitingAt(SupportTicketProcess.USER_TASK_WORK_ON_TICKET);

        work(true);
        assertThat(ticket).hasPassed(SupportTicketProcess.SERVICE_TASK_CLOSE_TICKET).isEnded();
    }

    @Test
    void refusedTimeGoesBackToTheWorkerWithItsReasonAndTheTicketStaysOpen() {
        model.with("recordTicketTime", execution -> {
            throw new BpmnError("TIMESHEET_REFUSED", "Hours must be more than 0.");
        });
        work(true);

        assertThat(ticket).hasNotPassed(SupportTicketProcess.SERVICE_TASK_CLOSE_TICKET)
                .isWaitingAt(SupportTicketProcess.USER_TASK_WORK_ON_TICKET);
        assertThat(ticket).variables().containsEntry(SupportTicketProcess.REFUSAL, "Hours must be more than 0.");
    }
}

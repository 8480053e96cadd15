package dev.tandem.helpdesk.process;

import java.util.List;
import java.util.Map;

import dev.tandem.common.ProcessInputs;
import dev.tandem.common.StepInput;
import dev.tandem.timesheets.process.LogTimeProcess;

/** Key, element ids and variable names of processes/support-ticket.bpmn. */
public final class SupportTicketProcess {

    public static final String KEY = "support-ticket";

    public static final String START_EVENT = "startEvent_ticketReported";
    public static final String USER_TASK_WORK_ON_TICKET = "userTask_workOnTicket";
    public static final String SERVICE_TASK_CLOSE_TICKET = "serviceTask_closeTicket";

    /** Start form; the order number is optional and chooses a (post-paid) line by hand. */
    public static final String CUSTOMER_NAME = "customerName";
    public static final String TEAM_NAME = "teamName";
    public static final String TITLE = "title";
    public static final String DESCRIPTION = "description";
    public static final String ORDER_NUMBER = "orderNumber";

    public static final String TICKET_ID = "ticketId";
    public static final String TICKET_NUMBER = "ticketNumber";
    /** The ticket's order line, whose figures the form shows (none: the time is not billed). */
    public static final String ORDER_LINE_ID = "orderLineId";

    /**
     * "Work on ticket": one entry per round in the form's fields, {@link #WORK_DATE}, {@link #HOURS},
     * {@link #WORK_DESCRIPTION} and optionally {@link #EMPLOYEE} (a user id; the person doing the task
     * when empty).
     */
    public static final String WORK_DATE = "workDate";
    public static final String HOURS = "hours";
    public static final String WORK_DESCRIPTION = "workDescription";
    public static final String EMPLOYEE = "employee";
    public static final String RESOLVED = "resolved";
    /** Why the last round was refused, shown on the form when the task comes back. */
    public static final String REFUSAL = LogTimeProcess.REFUSAL;
    /** Who completed the round (set by the rememberWorker listener); time is theirs unless another employee is named. */
    public static final String WORKER = LogTimeProcess.LOGGED_BY;
    /** What was recorded last time, shown on the form when the task comes back. */
    public static final String LAST_RECORDED = "lastRecorded";

    /** What people may send: the ticket, then each round's entry and whether it is resolved. */
    public static final ProcessInputs INPUTS = new ProcessInputs(KEY, START_EVENT,
            List.of(StepInput.text(CUSTOMER_NAME, StepInput.NAME).required(),
                    StepInput.text(TEAM_NAME, StepInput.NAME).required(),
                    StepInput.text(TITLE, StepInput.NAME).required(),
                    StepInput.text(DESCRIPTION, StepInput.NOTES),
                    StepInput.text(ORDER_NUMBER, StepInput.NAME)),
            Map.of(USER_TASK_WORK_ON_TICKET, List.of(StepInput.date(WORK_DATE), StepInput.duration(HOURS),
                    StepInput.text(WORK_DESCRIPTION, StepInput.DESCRIPTION), StepInput.text(EMPLOYEE, StepInput.NAME),
                    StepInput.flag(RESOLVED))));

    private SupportTicketProcess() {
    }
}

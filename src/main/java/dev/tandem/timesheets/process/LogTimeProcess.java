package dev.tandem.timesheets.process;

import java.util.List;
import java.util.Map;

import dev.tandem.common.ProcessInputs;
import dev.tandem.common.StepInput;

/** Key, element ids and variable names of processes/log-time.bpmn, shared by model, delegates and tests. */
public final class LogTimeProcess {

    public static final String KEY = "log-time";

    public static final String START_EVENT = "startEvent_logTimeRequested";
    public static final String USER_TASK_LOG_TIME = "userTask_logTime";
    public static final String SERVICE_TASK_PREPARE = "serviceTask_prepareLogTime";
    public static final String SERVICE_TASK_RECORD = "serviceTask_recordTimesheetEntry";
    public static final String END_EVENT = "endEvent_timeLogged";

    /** Start form: the order to log time on. */
    public static final String ORDER_NUMBER = "orderNumber";
    /** Set before the task, shown on its form. */
    public static final String ORDER_LINE_ID = "orderLineId";
    public static final String CUSTOMER_NAME = "customerName";
    public static final String LINE_DESCRIPTION = "lineDescription";
    /** Filled in by the person. */
    public static final String WORK_DATE = "workDate";
    public static final String HOURS = "hours";
    public static final String DESCRIPTION = "description";
    /** Who completed the task; the entry is theirs. */
    public static final String LOGGED_BY = "loggedBy";
    /** Why the last attempt was refused, shown on the form when it comes back. */
    public static final String REFUSAL = "refusal";
    public static final String ENTRY_ID = "timesheetEntryId";

    /** What people may send: the order to log time on, then the entry. */
    public static final ProcessInputs INPUTS = new ProcessInputs(KEY, START_EVENT,
            List.of(StepInput.text(ORDER_NUMBER, StepInput.NAME).required()),
            Map.of(USER_TASK_LOG_TIME, List.of(StepInput.date(WORK_DATE), StepInput.duration(HOURS),
                    StepInput.text(DESCRIPTION, StepInput.DESCRIPTION))));

    private LogTimeProcess() {
    }
}

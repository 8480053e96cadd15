package dev.tandem.fieldservice.process;

import java.util.List;
import java.util.Map;

import dev.tandem.common.ProcessInputs;
import dev.tandem.common.StepInput;

/** Key, element ids and variable names of processes/field-service.bpmn. */
public final class FieldServiceProcess {

    public static final String KEY = "field-service";

    public static final String START_EVENT = "startEvent_interventionRequested";
    public static final String USER_TASK_START_WORK = "userTask_startWork";
    public static final String USER_TASK_TIMER_RUNNING = "userTask_timerRunning";
    public static final String USER_TASK_TIMER_PAUSED = "userTask_timerPaused";
    public static final String USER_TASK_CONFIRM_TIME = "userTask_confirmTimeSpent";
    public static final String USER_TASK_WORKSHEET = "userTask_fillWorksheet";
    public static final String USER_TASK_CUSTOMER_SIGNS = "userTask_customerSigns";
    public static final String USER_TASK_MARK_AS_DONE = "userTask_markAsDone";
    public static final String SERVICE_TASK_PRINT_REPORT = "serviceTask_printReport";
    public static final String SERVICE_TASK_SEND_REPORT = "serviceTask_sendReport";
    public static final String END_EVENT_DONE = "endEvent_doneToInvoice";
    public static final String END_EVENT_AMENDMENT_REPORTED = "endEvent_amendmentReported";

    /** Correlated by task number when the technician's timer here was paused by starting another. */
    public static final String MESSAGE_TIMER_PAUSED = "TimerPausedElsewhere";
    /** Starts an instance at the timer for a done task, to add time after signing. */
    public static final String MESSAGE_TIME_ADDED_AFTER_DONE = "TimeAddedAfterDone";

    /** Start form (planning). */
    public static final String CUSTOMER_NAME = "customerName";
    public static final String ORDER_NUMBER = "orderNumber";
    public static final String TECHNICIAN = "technician";
    public static final String SITE = "site";
    public static final String DESCRIPTION = "description";
    public static final String PLANNED_DATE = "plannedDate";

    public static final String FIELD_TASK_NUMBER = "fieldTaskNumber";

    /** "Timer running" / "Timer paused": PAUSE, RESUME or STOP. */
    public static final String TIMER_ACTION = "timerAction";
    public static final String PAUSE = "PAUSE";
    public static final String RESUME = "RESUME";
    public static final String STOP = "STOP";
    /** Shown on the timer tasks: when the timer started and the minutes counted when the task appeared. */
    public static final String TIMER_STARTED_AT = "timerStartedAt";
    public static final String ELAPSED_MINUTES = "elapsedMinutes";
    /** The same as people read it: "1:35 h". */
    public static final String ELAPSED_TIME = "elapsedTime";

    /** What the stopped timer measured, shown on "Confirm time spent". */
    public static final String ACTUAL_MINUTES = "actualMinutes";
    public static final String BILLED_MINUTES = "billedMinutes";
    /** The actual and billed time as people read them: "0:37 h", "0:45 h · 0.75 h". */
    public static final String ACTUAL_TIME = "actualTime";
    public static final String BILLED_TIME = "billedTime";
    public static final String WORK_DATE = "workDate";
    public static final String ROUNDING_RULE = "roundingRule";
    public static final String TIME_DESCRIPTION = "timeDescription";

    /** Worksheet: notes and up to three materials per round; more rounds while moreMaterials. */
    public static final String WORKSHEET_NOTES = "worksheetNotes";
    public static final int MATERIAL_SLOTS = 3;
    public static final String MORE_MATERIALS = "moreMaterials";
    public static final String MATERIALS_USED = "materialsUsed";

    public static String materialCode(int slot) {
        return "material" + slot + "Code";
    }

    public static String materialQuantity(int slot) {
        return "material" + slot + "Quantity";
    }

    /** Set by "Record time spent": the time was added after the customer signed. */
    public static final String AMENDMENT = "amendment";
    /** "Customer signs" on an amendment: the customer is not there to sign again. */
    public static final String SIGNATURE_WAIVED = "signatureWaived";
    /** Set on instances started by {@link #MESSAGE_TIME_ADDED_AFTER_DONE}: the task was done before. */
    public static final String REOPENED = "reopened";

    /** "Mark as done": DONE, or ADD_TIME to start the timer again after signing. */
    public static final String DONE_ACTION = "doneAction";
    public static final String DONE = "DONE";
    public static final String ADD_TIME = "ADD_TIME";

    public static final String REFUSAL = "refusal";

    /**
     * What people may send: the planning, then the technician's steps (which belong to the planned
     * technician alone: {@link TechnicianOwnsSteps}). The message start (time added to a done task)
     * is Tandem's own.
     */
    public static final ProcessInputs INPUTS = new ProcessInputs(KEY, START_EVENT, List.of(
            StepInput.text(CUSTOMER_NAME, StepInput.NAME).required(),
            StepInput.text(ORDER_NUMBER, StepInput.NAME).required(),
            StepInput.text(TECHNICIAN, StepInput.NAME).required(),
            StepInput.text(SITE, 300),
            StepInput.text(DESCRIPTION, StepInput.NOTES),
            StepInput.date(PLANNED_DATE)),
            Map.of(USER_TASK_TIMER_RUNNING, List.of(StepInput.choice(TIMER_ACTION, PAUSE, STOP).required()),
                    USER_TASK_TIMER_PAUSED, List.of(StepInput.choice(TIMER_ACTION, RESUME, STOP).required()),
                    USER_TASK_CONFIRM_TIME, List.of(StepInput.text(TIME_DESCRIPTION, StepInput.DESCRIPTION)),
                    USER_TASK_WORKSHEET, List.of(StepInput.text(WORKSHEET_NOTES, StepInput.NOTES),
                            StepInput.text(materialCode(1), StepInput.NAME), StepInput.decimal(materialQuantity(1), 2),
                            StepInput.text(materialCode(2), StepInput.NAME), StepInput.decimal(materialQuantity(2), 2),
                            StepInput.text(materialCode(3), StepInput.NAME), StepInput.decimal(materialQuantity(3), 2),
                            StepInput.flag(MORE_MATERIALS)),
                    USER_TASK_CUSTOMER_SIGNS, List.of(StepInput.flag(SIGNATURE_WAIVED)),
                    USER_TASK_MARK_AS_DONE, List.of(StepInput.choice(DONE_ACTION, DONE, ADD_TIME).required())));

    private FieldServiceProcess() {
    }
}

package dev.tandem.timesheets.process;

import java.util.List;
import java.util.Map;

import dev.tandem.common.ProcessInputs;

/** Key, element ids and variable names of processes/holiday-calendar.bpmn. */
public final class HolidayCalendarProcess {

    public static final String KEY = "holiday-calendar";

    public static final String START_EVENT = "startEvent_everyMorning";
    public static final String SERVICE_TASK_CHECK = "serviceTask_checkHolidayCalendar";
    public static final String USER_TASK_EXTEND = "userTask_extendHolidayCalendar";
    public static final String END_EVENT_COVERED = "endEvent_calendarCovered";
    public static final String END_EVENT_ALREADY_ASKED = "endEvent_alreadyAsked";

    /** How far ahead the calendar must reach: process owners are asked a month before it ends. */
    public static final int DAYS_AHEAD = 31;

    /** Set by the check: COVERED, EXTEND (ask the process owners) or ASKED (another instance waits for them). */
    public static final String CALENDAR = "calendar";
    public static final String COVERED = "COVERED";
    public static final String EXTEND = "EXTEND";
    public static final String ASKED = "ASKED";
    /** The last day the calendar covers, shown on the task. */
    public static final String CALENDAR_ENDS = "calendarEnds";

    /** Nobody starts it (a timer does); "Extend the holiday calendar" takes no input: deploying the table is the work. */
    public static final ProcessInputs INPUTS = new ProcessInputs(KEY, START_EVENT, List.of(),
            Map.of(USER_TASK_EXTEND, List.of()));

    private HolidayCalendarProcess() {
    }
}

package dev.tandem.timesheets.process;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.common.StepOutcome;
import dev.tandem.timesheets.HolidayCalendar;

/**
 * Each morning, and after the process owners say they extended it: does the holiday calendar reach
 * a month ahead? If not, they are asked once (a second morning finds the open task and ends).
 */
@Component("checkHolidayCalendar")
class CheckHolidayCalendarDelegate implements JavaDelegate {

    private final HolidayCalendar calendar;
    private final Clock clock;

    CheckHolidayCalendarDelegate(HolidayCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate ends = calendar.coveredUntil();
        execution.setVariable(HolidayCalendarProcess.CALENDAR_ENDS, ends.toString());
        if (!ends.isBefore(LocalDate.now(clock).plusDays(HolidayCalendarProcess.DAYS_AHEAD))) {
            execution.setVariable(HolidayCalendarProcess.CALENDAR, HolidayCalendarProcess.COVERED);
            return;
        }
        // Another morning's instance already waits for the process owners (this instance's own task,
        // just completed, is still in the database until the end of this step).
        boolean asked = execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processDefinitionKey(HolidayCalendarProcess.KEY)
                .taskDefinitionKey(HolidayCalendarProcess.USER_TASK_EXTEND).list().stream()
                .anyMatch(task -> !task.getProcessInstanceId().equals(execution.getProcessInstanceId()));
        execution.setVariable(HolidayCalendarProcess.CALENDAR, asked ? HolidayCalendarProcess.ASKED
                : HolidayCalendarProcess.EXTEND);
        if (!asked) {
            StepOutcome.tell(execution, "The holiday calendar ends on %s: public holidays after that day are not "
                    .formatted(ends.equals(LocalDate.MIN) ? "no day at all (a holiday has no date)" : ends)
                    + "surcharged. Add next years' dates to processes/public-holidays.dmn and deploy it.");
        }
    }
}

package dev.tandem.sales.process;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.common.BillingException;
import dev.tandem.common.Company;
import dev.tandem.common.FormValues;
import dev.tandem.common.StepOutcome;

/**
 * The accountant chose to wait for delivered time: "Invoice delivered time" comes straight back with
 * their follow-up date (8:00 that day, company time), which Tasklist shows on the task. A day in
 * the past, today or over a year ahead is refused where they chose it, and nothing changes.
 */
@Component("waitForDeliveredTime")
class WaitForDeliveredTimeDelegate implements JavaDelegate {

    static final int LONGEST_WAIT_DAYS = 366;

    private final Clock clock;
    private final Company company;

    WaitForDeliveredTimeDelegate(Clock clock, Company company) {
        this.clock = clock;
        this.company = company;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate day = FormValues.date(execution.getVariable(PostpaidSupportProcess.FOLLOW_UP_DATE), "The follow-up date");
        LocalDate today = LocalDate.now(clock.withZone(company.timeZone()));
        if (day == null || !day.isAfter(today) || day.isAfter(today.plusDays(LONGEST_WAIT_DAYS))) {
            throw new BillingException("Choose the day to look again: after today and at most a year ahead.");
        }
        execution.removeVariable(PostpaidSupportProcess.FOLLOW_UP_DATE);
        StepOutcome.followUpOn(execution, Date.from(day.atTime(LocalTime.of(8, 0)).atZone(company.timeZone()).toInstant()));
        StepOutcome.tell(execution, "Waiting for delivered time: this task stays here with %s as its follow-up date. "
                .formatted(day) + "Its figures are up to date whenever you open it.");
    }
}

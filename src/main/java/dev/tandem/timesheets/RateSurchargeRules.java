package dev.tandem.timesheets;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;

/**
 * The rate surcharges a process owner set in processes/rate-surcharge.dmn: by customer, for
 * public holidays (the {@link HolidayCalendar}'s), weekends and timer work after hours. Evaluated when an entry is recorded or
 * its date changes, so a table deployed today applies to the time recorded from now on.
 */
@Service
public class RateSurchargeRules {

    public static final String DECISION_KEY = "rate-surcharge";

    private final DecisionService decisions;
    private final HolidayCalendar holidays;

    RateSurchargeRules(DecisionService decisions, HolidayCalendar holidays) {
        this.decisions = decisions;
        this.holidays = holidays;
    }

    /** @param startedAt the local start time for timer entries, null for time logged by hand */
    public RateSurcharge forWork(String customer, LocalDate workDate, LocalTime startedAt) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("customer", customer);
        facts.put("workDate", workDate.toString());
        facts.put("publicHoliday", holidays.holiday(workDate).isPresent());
        facts.put("dayOfWeek", workDate.getDayOfWeek().name());
        facts.put("startHour", startedAt == null ? null : startedAt.getHour());
        DmnDecisionRuleResult rule = decisions.evaluateDecisionTableByKey(DECISION_KEY, facts).getSingleResult();
        if (rule == null) {
            throw new IllegalStateException("The decision " + DECISION_KEY + " has no rule for " + facts
                    + ": keep a last rule that matches everything.");
        }
        return new RateSurcharge(((Number) rule.getEntry("surchargePercent")).intValue(), rule.getEntry("ruleName"));
    }
}

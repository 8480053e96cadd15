package dev.tandem.timesheets;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;

/**
 * The timer rounding a process owner set in processes/timer-rounding.dmn, by customer;
 * the table's last rule is the default (15/15). Changing the table in Modeler and deploying it
 * changes the rounding of timers stopped from then on.
 */
@Service
public class TimeRoundingRules {

    public static final String DECISION_KEY = "timer-rounding";

    private final DecisionService decisions;

    TimeRoundingRules(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** @param customer the customer's name, or null */
    public TimeRounding forWork(String customer) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("customer", customer);
        DmnDecisionRuleResult rule = decisions.evaluateDecisionTableByKey(DECISION_KEY, facts).getSingleResult();
        if (rule == null) {
            throw new IllegalStateException("The decision " + DECISION_KEY + " has no rule for " + facts
                    + ": keep a last rule that matches everything.");
        }
        return new TimeRounding(((Number) rule.getEntry("minimumMinutes")).intValue(),
                ((Number) rule.getEntry("stepMinutes")).intValue(), rule.getEntry("ruleName"));
    }
}

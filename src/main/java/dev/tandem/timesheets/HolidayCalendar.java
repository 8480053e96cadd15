package dev.tandem.timesheets;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Service;

/**
 * The company's public holidays, as process owners keep them in processes/public-holidays.dmn: one
 * rule per holiday with its date in each year. The calendar covers a year when every holiday has a
 * date in it; {@link #coveredUntil()} says until when, so that Tandem can ask for next years' dates
 * before the calendar runs out rather than stop surcharging holidays silently.
 */
@Service
public class HolidayCalendar {

    public static final String DECISION_KEY = "public-holidays";

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final DecisionService decisions;
    private final RepositoryService repository;

    HolidayCalendar(DecisionService decisions, RepositoryService repository) {
        this.decisions = decisions;
        this.repository = repository;
    }

    /** The holiday on that day, by name, if the calendar has one. */
    public Optional<String> holiday(LocalDate day) {
        DmnDecisionRuleResult rule = decisions.evaluateDecisionTableByKey(DECISION_KEY, Map.of("date", day.toString()))
                .getFirstResult();
        return rule == null ? Optional.empty() : Optional.ofNullable(rule.getEntry("holiday"));
    }

    /**
     * The last day the deployed calendar covers: 31 December of the last year in which every holiday
     * has its date; {@link LocalDate#MIN} when some holiday has none at all.
     */
    public LocalDate coveredUntil() {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY)
                .latestVersion().singleResult();
        DmnModelInstance table = repository.getDmnModelInstance(latest.getId());
        int lastYear = table.getModelElementsByType(Rule.class).stream()
                .mapToInt(rule -> rule.getInputEntries().stream()
                        .flatMap(entry -> DAY.matcher(entry.getText().getTextContent()).results())
                        .map(MatchResult::group).mapToInt(date -> LocalDate.parse(date).getYear()).max().orElse(0))
                .min().orElse(0);
        return lastYear == 0 ? LocalDate.MIN : LocalDate.of(lastYear, 12, 31);
    }
}

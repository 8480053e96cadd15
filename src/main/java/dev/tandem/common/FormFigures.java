package dev.tandem.common;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Figures a task's form shows, derived from Tandem's own records: put on the task when it is created
 * (so that Cockpit's history shows what the person saw first), and derived again each time the form
 * is opened, so that a form never shows figures older than the records: an invoice posted, a credit
 * note, time logged on another task since. A Spring bean; the engine's form service asks every one.
 */
public interface FormFigures {

    /** The names of the variables it puts on a task: a task that holds none of them is not its concern. */
    Set<String> names();

    /** The figures, by variable name, for a task whose variables these are. */
    Map<String, Object> figures(Function<String, Object> variables);

    /** Puts the figures on a task being created (the create listener's work). */
    default void putOn(DelegateTask task) {
        figures(task::getVariable).forEach(task::setVariable);
    }
}

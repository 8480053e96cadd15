package dev.tandem.common;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * What a step did, in people's words, shown at the top of the next form of its process ("Invoice
 * INV/2026/00001 posted: 1210.00 EUR (invoice), tax included. It is being printed and mailed …").
 * Each completed task of the main line starts afresh: the outcome and a refusal of the round before
 * are cleared when it is completed, so a form never shows what an earlier round did next to what
 * this one did.
 */
public final class StepOutcome {

    /** The process variable the forms show under "Done". */
    public static final String VARIABLE = "outcome";
    /** The process variable the forms show under "Not done" (a BPMN error's message). */
    public static final String REFUSAL = "refusal";

    /** When set, the next task of the process gets it as its follow-up date (Tasklist shows it). */
    public static final String FOLLOW_UP_AT = "followUpAt";

    /** On the completion of a main-line task: what the rounds before did or refused is no longer news. */
    static final TaskListener CLEAR = task -> {
        task.getExecution().removeVariable(VARIABLE);
        task.getExecution().removeVariable(REFUSAL);
    };

    /** On every task's creation: a follow-up date the step before chose becomes the task's. */
    static final TaskListener FOLLOW_UP = task -> {
        if (task.getVariable(FOLLOW_UP_AT) instanceof Date at) {
            task.setFollowUpDate(at);
            task.getExecution().removeVariable(FOLLOW_UP_AT);
        }
    };

    private StepOutcome() {
    }

    /** The next task of this process is to be looked at again on that day (its follow-up date). */
    public static void followUpOn(DelegateExecution execution, Date at) {
        execution.setVariable(FOLLOW_UP_AT, at);
    }

    /** Says what the step running now did; a step that does several things says them in one sentence. */
    public static void tell(DelegateExecution execution, String outcome) {
        execution.setVariable(VARIABLE, outcome);
    }
}

package dev.tandem.common;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who completes a user task: the person logged in (Tasklist, REST, a page), else, when Tandem completes it, its assignee. */
public final class StepCompleter {

    private StepCompleter() {
    }

    public static String of(DelegateTask task) {
        Authentication person = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return person != null && person.getUserId() != null ? person.getUserId() : task.getAssignee();
    }
}

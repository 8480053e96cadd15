package dev.tandem.timesheets.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * On completion, keeps who did the task, so the time is logged in their name: the person
 * completing it (the REST API's, Tasklist's or a page's login), else the task's assignee when
 * Tandem itself completes it.
 */
@Component("rememberWorker")
class RememberWorkerListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        Authentication person = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        task.getExecution().setVariable(LogTimeProcess.LOGGED_BY,
                person != null && person.getUserId() != null ? person.getUserId() : task.getAssignee());
    }
}

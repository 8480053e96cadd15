package dev.tandem.helpdesk.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import dev.tandem.common.Groups;

/**
 * A ticket that needs several rounds stays with the person who worked the last one: each new round
 * (and a round that comes back refused) is assigned to them at once, so it is in their "My tasks"
 * and needs no new claim (unless they left the helpdesk, or were an administrator stepping in). They
 * can still unclaim it in Tasklist to hand it back to the team.
 */
@Component("keepWithWorker")
class KeepWithWorkerListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        Object worker = task.getVariable(SupportTicketProcess.WORKER);
        if (worker instanceof String userId && !userId.isBlank() && task.getProcessEngineServices()
                .getIdentityService().createUserQuery().userId(userId).memberOfGroup(Groups.HELPDESK).count() > 0) {
            task.setAssignee(userId);
        }
    }
}

package dev.tandem.security;

import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * Camunda's default grants each candidate group an authorization of its own on every task it is
 * offered. Tasklist's filters then join every task to every authorization of the group: with
 * 100,000 open tasks a group's filter took more than a minute. Tandem grants a group its tasks once
 * per process instead ({@link AccessSetup}: read and work on the tasks of the processes it works
 * in), and {@link StepInputGuard} decides who completes or claims which step, whatever the
 * authorizations. Assignees and candidate users still get their own authorization, as by default.
 */
class TaskAuthorizationsByProcess extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
        return null;
    }
}

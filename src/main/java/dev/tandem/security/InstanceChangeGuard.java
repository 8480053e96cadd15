package dev.tandem.security;

import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Running instances move only through their steps. Whatever a person's authorizations, the engine
 * commands that change an instance from outside its model (start it at any activity, modify,
 * restart or delete it, set or remove its variables or a task's) are refused to everyone but
 * administrators: otherwise whoever holds such a right could reach a money step (post, credit)
 * with figures of their choosing. Tandem's own code runs without a user and is not concerned.
 */
class InstanceChangeGuard extends CommandInterceptor {

    /** By simple name, so the list reads as the REST API's operations. */
    private static final Set<String> OUTSIDE_THE_MODEL = Set.of(
            "StartProcessInstanceAtActivitiesCmd",
            "ModifyProcessInstanceCmd", "ModifyProcessInstanceAsyncCmd",
            "ProcessInstanceModificationCmd", "ProcessInstanceModificationBatchCmd",
            "RestartProcessInstancesCmd", "RestartProcessInstancesBatchCmd",
            "DeleteProcessInstanceCmd", "DeleteProcessInstancesCmd", "DeleteProcessInstanceBatchCmd",
            "SetExecutionVariablesCmd", "PatchExecutionVariablesCmd", "RemoveExecutionVariablesCmd",
            "SetVariablesToProcessInstancesBatchCmd",
            "SetTaskVariablesCmd", "PatchTaskVariablesCmd", "RemoveTaskVariablesCmd");

    private final CurrentUser currentUser;

    InstanceChangeGuard(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (OUTSIDE_THE_MODEL.contains(command.getClass().getSimpleName()) && currentUser.id() != null
                && !currentUser.isAdministrator()) {
            throw new AuthorizationException("Running instances change only through their steps: %s may not %s."
                    .formatted(currentUser.id(), describe(command)));
        }
        return next.execute(command);
    }

    private static String describe(Command<?> command) {
        String name = command.getClass().getSimpleName();
        if (name.contains("Variables")) {
            return "set or remove variables of an instance or a task; a task's inputs go with its completion";
        }
        if (name.contains("Delete")) {
            return "delete instances";
        }
        return "start, modify or restart an instance at a chosen activity";
    }
}

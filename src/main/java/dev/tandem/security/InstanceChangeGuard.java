package dev.tandem.security;

import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.migration.MigrationPlan;

/**
 * Running instances move only through their steps. Whatever a person's authorizations, the engine
 * commands that change an instance from outside its model (start it at any activity, modify,
 * restart or delete it, set or remove its variables or a task's, throw a BPMN error or an
 * escalation from a task, correlate a message or throw a signal, migrate it with variables) are
 * refused to everyone but administrators: otherwise whoever holds such a right could reach a money step (post, credit)
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
            "SetTaskVariablesCmd", "PatchTaskVariablesCmd", "RemoveTaskVariablesCmd",
            "HandleTaskBpmnErrorCmd", "HandleTaskEscalationCmd",
            "CorrelateMessageCmd", "CorrelateAllMessageCmd", "CorrelateAllMessageBatchCmd",
            "MessageEventReceivedCmd", "SignalCmd", "SignalEventReceivedCmd",
            // deleting a deployment or definition with cascade deletes its running instances
            "DeleteDeploymentCmd", "DeleteProcessDefinitionsByIdsCmd", "DeleteProcessDefinitionsByKeyCmd");

    private final CurrentUser currentUser;

    InstanceChangeGuard(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public <T> T execute(Command<T> command) {
        // A person's request is a command of its own; the commands Tandem's steps run inside it
        // (a delegate correlating a message, say) are part of the step and not concerned.
        boolean request = Context.getCommandContext() == null;
        if (request && OUTSIDE_THE_MODEL.contains(command.getClass().getSimpleName()) && currentUser.id() != null
                && !currentUser.isAdministrator()) {
            throw new AuthorizationException("Running instances change only through their steps: %s may not %s."
                    .formatted(currentUser.id(), describe(command)));
        }
        return next.execute(command);
    }

    /**
     * Migration moves instances to another version of their process as they are: each step to the
     * step with the same id, no variables set on the way. A plan that sets variables, maps a step
     * onto another or moves instances to another process would run steps outside the model.
     */
    void checkMigration(MigrationPlan plan, Function<String, String> processKeyOfDefinition) {
        if (currentUser.id() == null || currentUser.isAdministrator()) {
            return;
        }
        if (plan.getVariables() != null && !plan.getVariables().isEmpty()) {
            throw new AuthorizationException(("Running instances change only through their steps: %s may migrate "
                    + "instances but not set their variables (%s).").formatted(currentUser.id(),
                    String.join(", ", plan.getVariables().keySet())));
        }
        boolean sameProcess = processKeyOfDefinition.apply(plan.getSourceProcessDefinitionId())
                .equals(processKeyOfDefinition.apply(plan.getTargetProcessDefinitionId()));
        boolean sameSteps = plan.getInstructions().stream()
                .allMatch(instruction -> instruction.getSourceActivityId().equals(instruction.getTargetActivityId()));
        if (!sameProcess || !sameSteps) {
            throw new AuthorizationException(("Running instances change only through their steps: %s may migrate "
                    + "instances to another version of their process, each step to the same step.")
                    .formatted(currentUser.id()));
        }
    }

    private static String describe(Command<?> command) {
        String name = command.getClass().getSimpleName();
        if (name.contains("Variables")) {
            return "set or remove variables of an instance or a task; a task's inputs go with its completion";
        }
        if (name.contains("Deployment") || name.contains("Definition")) {
            return "delete deployments or definitions, which deletes their instances";
        }
        if (name.contains("Delete")) {
            return "delete instances";
        }
        if (name.contains("Message") || name.contains("Signal")) {
            return "send messages or signals into instances; Tandem's steps send them";
        }
        if (name.startsWith("HandleTask")) {
            return "end a task with a BPMN error or an escalation; a task ends with its form";
        }
        return "start, modify or restart an instance at a chosen activity";
    }
}

package dev.tandem.security;

import java.util.HashMap;
import java.util.Map;
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
 * escalation from a task, correlate a message or throw a signal, delete its deployment, migrate it
 * other than step to same step) are refused to everyone but administrators: otherwise whoever holds
 * such a right could reach a money step (post, credit) with figures of their choosing. Tandem's own code runs without a user and is not concerned.
 */
class InstanceChangeGuard extends CommandInterceptor {

    /** The commands refused, by simple name so the table reads as the REST API's operations, and why. */
    private static final Map<String, String> OUTSIDE_THE_MODEL = refusing(
            "start, modify or restart an instance at a chosen activity",
            "StartProcessInstanceAtActivitiesCmd", "ModifyProcessInstanceCmd", "ModifyProcessInstanceAsyncCmd",
            "ProcessInstanceModificationCmd", "ProcessInstanceModificationBatchCmd",
            "RestartProcessInstancesCmd", "RestartProcessInstancesBatchCmd");

    static {
        OUTSIDE_THE_MODEL.putAll(refusing("delete instances",
                "DeleteProcessInstanceCmd", "DeleteProcessInstancesCmd", "DeleteProcessInstanceBatchCmd"));
        OUTSIDE_THE_MODEL.putAll(refusing("delete deployments or definitions, which deletes their instances",
                "DeleteDeploymentCmd", "DeleteProcessDefinitionsByIdsCmd", "DeleteProcessDefinitionsByKeyCmd"));
        OUTSIDE_THE_MODEL.putAll(refusing(
                "set or remove variables of an instance or a task; a task's inputs go with its completion",
                "SetExecutionVariablesCmd", "PatchExecutionVariablesCmd", "RemoveExecutionVariablesCmd",
                "SetVariablesToProcessInstancesBatchCmd", "SetTaskVariablesCmd", "PatchTaskVariablesCmd",
                "RemoveTaskVariablesCmd"));
        OUTSIDE_THE_MODEL.putAll(refusing("end a task with a BPMN error or an escalation; a task ends with its form",
                "HandleTaskBpmnErrorCmd", "HandleTaskEscalationCmd"));
        OUTSIDE_THE_MODEL.putAll(refusing("send messages or signals into instances; Tandem's steps send them",
                "CorrelateMessageCmd", "CorrelateAllMessageCmd", "CorrelateAllMessageBatchCmd",
                "MessageEventReceivedCmd", "SignalCmd", "SignalEventReceivedCmd"));
    }

    private static Map<String, String> refusing(String what, String... commands) {
        Map<String, String> reasons = new HashMap<>();
        for (String command : commands) {
            reasons.put(command, what);
        }
        return reasons;
    }

    private final CurrentUser currentUser;

    InstanceChangeGuard(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public <T> T execute(Command<T> command) {
        // A person's request is a command of its own; the commands Tandem's steps run inside it
        // (a delegate correlating a message, say) are part of the step and not concerned.
        boolean request = Context.getCommandContext() == null;
        String refused = request ? OUTSIDE_THE_MODEL.get(command.getClass().getSimpleName()) : null;
        if (refused != null && currentUser.id() != null && !currentUser.isAdministrator()) {
            throw new AuthorizationException("Running instances change only through their steps: %s may not %s."
                    .formatted(currentUser.id(), refused));
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
}

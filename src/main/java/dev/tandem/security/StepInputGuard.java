package dev.tandem.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.Spin;

import dev.tandem.common.BillingException;
import dev.tandem.common.FormFigures;
import dev.tandem.common.Groups;
import dev.tandem.common.ProcessInputs;
import dev.tandem.common.StepInput;
import dev.tandem.common.StepOwner;
import dev.tandem.fieldservice.process.FieldServiceProcess;
import dev.tandem.helpdesk.process.SupportTicketProcess;
import dev.tandem.invoicing.process.InvoiceRunProcess;
import dev.tandem.invoicing.process.SendInvoiceProcess;
import dev.tandem.invoicing.process.SupportProcessInputs;
import dev.tandem.sales.process.PostpaidSupportProcess;
import dev.tandem.sales.process.PrepaidSupportProcess;
import dev.tandem.sales.process.QuotationProcess;
import dev.tandem.timesheets.process.HolidayCalendarProcess;
import dev.tandem.timesheets.process.LogTimeProcess;

/**
 * A step takes from a person exactly the inputs its form declares ({@link ProcessInputs}), with
 * their types and limits, whatever the channel: Tasklist, {@code /engine-rest} or Tandem's pages
 * all complete tasks through the engine's TaskService and FormService, which this guard replaces,
 * and start processes through a start event, where it listens. Anything else (an unknown name, a
 * wrong type, an unknown choice, too many decimals, too long a text) is refused before anything
 * is written, with a message for the person.
 * <p>
 * Steps that belong to one person ({@link StepOwner}: field service's planned technician) are
 * completed by that person only, whoever the task was handed to, and nobody hands them on.
 */
class StepInputGuard {

    /** Every process of Tandem and what people may send to it. */
    static final Map<String, ProcessInputs> PROCESSES = Stream.of(LogTimeProcess.INPUTS, SupportTicketProcess.INPUTS,
                    SupportProcessInputs.PREPAID, SupportProcessInputs.POSTPAID, FieldServiceProcess.INPUTS,
                    InvoiceRunProcess.INPUTS, SendInvoiceProcess.INPUTS, QuotationProcess.INPUTS,
                    HolidayCalendarProcess.INPUTS)
            .collect(Collectors.toMap(ProcessInputs::processKey, Function.identity()));

    /**
     * Who works each of Tandem's steps, whatever a deployed model says: a changed model may move a
     * step to another group, but only these people complete it. A step not listed here is not
     * worked by people (administrators excepted).
     */
    static final Map<String, Map<String, List<String>>> WORKED_BY = Map.of(
            LogTimeProcess.KEY, Map.of(LogTimeProcess.USER_TASK_LOG_TIME, List.of(Groups.HELPDESK, Groups.TECHNICIANS)),
            HolidayCalendarProcess.KEY, Map.of(HolidayCalendarProcess.USER_TASK_EXTEND, List.of(Groups.PROCESS_OWNERS)),
            SupportTicketProcess.KEY, Map.of(SupportTicketProcess.USER_TASK_WORK_ON_TICKET, List.of(Groups.HELPDESK)),
            PrepaidSupportProcess.KEY, Map.of(PrepaidSupportProcess.USER_TASK_CREATE_INVOICE, List.of(Groups.ACCOUNTING),
                    PrepaidSupportProcess.USER_TASK_SUPPORT_PERIOD, List.of(Groups.SALES),
                    PrepaidSupportProcess.USER_TASK_PROPOSE_HOURS, List.of(Groups.SALES)),
            PostpaidSupportProcess.KEY, Map.of(PostpaidSupportProcess.USER_TASK_INVOICE_DELIVERED_TIME, List.of(Groups.ACCOUNTING),
                    PostpaidSupportProcess.USER_TASK_REVIEW_DRAFT, List.of(Groups.ACCOUNTING),
                    PostpaidSupportProcess.USER_TASK_CREDIT_INVOICE, List.of(Groups.ACCOUNTING)),
            InvoiceRunProcess.KEY, Map.of(InvoiceRunProcess.USER_TASK_SUMMARY, List.of(Groups.ACCOUNTING)),
            QuotationProcess.KEY, Map.of(QuotationProcess.USER_TASK_SEND, List.of(Groups.SALES),
                    QuotationProcess.USER_TASK_ANSWER, List.of(Groups.SALES)),
            FieldServiceProcess.KEY, Stream.of(FieldServiceProcess.USER_TASK_START_WORK,
                            FieldServiceProcess.USER_TASK_TIMER_RUNNING, FieldServiceProcess.USER_TASK_TIMER_PAUSED,
                            FieldServiceProcess.USER_TASK_CONFIRM_TIME, FieldServiceProcess.USER_TASK_WORKSHEET,
                            FieldServiceProcess.USER_TASK_CUSTOMER_SIGNS, FieldServiceProcess.USER_TASK_MARK_AS_DONE)
                    .collect(Collectors.toMap(Function.identity(), step -> List.of(Groups.TECHNICIANS))));

    private final CurrentUser currentUser;
    private final Supplier<Map<String, StepOwner>> owners;
    private final Supplier<Collection<FormFigures>> figures;

    /**
     * @param owners by process key, asked for at each check (they are Spring beans made after the engine)
     * @param figures what task forms show from Tandem's records, derived again when a form is opened
     */
    StepInputGuard(CurrentUser currentUser, Supplier<Map<String, StepOwner>> owners,
                   Supplier<Collection<FormFigures>> figures) {
        this.currentUser = currentUser;
        this.owners = owners;
        this.figures = figures;
    }

    /** The user task as the guard needs it: which process and step, and whose it is (or null: a group's). */
    private record Step(String processKey, String taskDefinitionKey, String owner) {
    }

    /**
     * The task, after the same authorization check the engine's own command makes (so a person
     * who may not work on it is refused as Camunda refuses them, before any input is looked at).
     */
    private Step step(CommandExecutor commands, String taskId, boolean assigning) {
        return commands.execute(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task == null || task.getProcessDefinitionId() == null) {
                return null;
            }
            for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
                if (assigning) {
                    checker.checkTaskAssign(task);
                } else {
                    checker.checkTaskWork(task);
                }
            }
            ProcessDefinitionEntity definition = context.getProcessEngineConfiguration().getDeploymentCache()
                    .findDeployedProcessDefinitionById(task.getProcessDefinitionId());
            StepOwner owner = owners.get().get(definition.getKey());
            return new Step(definition.getKey(), task.getTaskDefinitionKey(),
                    owner == null ? null : owner.ownerOf(task.getProcessInstance().getBusinessKey()));
        });
    }

    /** A completion of one of Tandem's tasks: only its declared inputs, each valid; its own technician's. */
    void checkCompletion(CommandExecutor commands, String taskId, Map<String, ?> variables) {
        Step step = step(commands, taskId, false);
        ProcessInputs process = step == null ? null : PROCESSES.get(step.processKey());
        if (process == null) {
            return;
        }
        String user = currentUser.id();
        List<String> workers = WORKED_BY.getOrDefault(step.processKey(), Map.of())
                .getOrDefault(step.taskDefinitionKey(), List.of());
        if (user != null && !currentUser.isAdministrator() && workers.stream().noneMatch(currentUser::isIn)) {
            throw new BillingException(workers.isEmpty() ? "This step is not worked by people."
                    : "This step is worked by %s only.".formatted(String.join(" or ", workers)));
        }
        if (step.owner() != null && user != null && !user.equals(step.owner())) {
            throw new BillingException("This step belongs to %s: only they can complete it.".formatted(step.owner()));
        }
        check(process.ofTask(step.taskDefinitionKey()), variables == null ? Map.of() : variables);
    }

    /**
     * A group may read every task of the processes it works in, so who takes or hands on a step is
     * checked here: only who works it claims it or gives it back, and it goes only to who works it.
     * A step that belongs to one person (field service) goes only to that person.
     */
    void checkAssignment(CommandExecutor commands, String taskId, String newAssignee, boolean claiming) {
        Step step = step(commands, taskId, !claiming);
        if (step != null && PROCESSES.containsKey(step.processKey()) && currentUser.id() != null
                && !currentUser.isAdministrator()) {
            List<String> workers = WORKED_BY.getOrDefault(step.processKey(), Map.of())
                    .getOrDefault(step.taskDefinitionKey(), List.of());
            String workedBy = workers.isEmpty() ? "This step is not worked by people."
                    : "This step is worked by %s only.".formatted(String.join(" or ", workers));
            if (claiming && workers.stream().noneMatch(currentUser::isIn)) {
                throw new BillingException(workedBy);
            }
            if (newAssignee != null && !worksIn(commands, newAssignee, workers)) {
                throw new BillingException("%s %s is not one of them.".formatted(workedBy, newAssignee));
            }
        }
        if (step != null && step.owner() != null && currentUser.id() != null
                && !Objects.equals(newAssignee, step.owner())) {
            throw new BillingException("This step belongs to the technician planned for it; it cannot be handed to "
                    + "anybody else.");
        }
    }

    /**
     * The processes Tandem's models call, and the one step of one process that calls each: such a
     * process is started by the engine, whoever completed the step before (the deployment guard
     * refuses any other call activity).
     */
    static final Map<String, String> CALLED_FROM = Map.of(
            QuotationProcess.KEY, PrepaidSupportProcess.KEY + "#" + PrepaidSupportProcess.CALL_ACTIVITY_QUOTATION);

    /**
     * A process started by a person: at its form's start event, with the form's inputs only; a
     * process called from the step Tandem's models call it from is started by the engine.
     */
    void checkStart(String processKey, String startEventId, DelegateExecution execution) {
        if (currentUser.id() == null || calledAsModelled(processKey, execution.getSuperExecution())) {
            return;
        }
        ProcessInputs process = PROCESSES.get(processKey);
        if (process == null) {
            return;
        }
        if (!startEventId.equals(process.startEventId())) {
            throw new BillingException("%s is started by Tandem itself at this point, not by a person."
                    .formatted(processKey));
        }
        check(process.start(), execution.getVariables());
    }

    private static boolean calledAsModelled(String processKey, DelegateExecution caller) {
        if (caller == null) {
            return false;
        }
        String callerKey = caller.getProcessDefinitionId().split(":")[0];
        return (callerKey + "#" + caller.getCurrentActivityId()).equals(CALLED_FROM.get(processKey));
    }

    private static void check(List<StepInput> inputs, Map<String, ?> sent) {
        Set<String> declared = inputs.stream().map(StepInput::name).collect(Collectors.toSet());
        Set<String> unknown = new TreeSet<>(sent.keySet());
        unknown.removeAll(declared);
        if (!unknown.isEmpty()) {
            throw new BillingException(declared.isEmpty()
                    ? "This step takes no input; refused: %s.".formatted(String.join(", ", unknown))
                    : "This step does not take %s; it takes %s.".formatted(String.join(", ", unknown),
                    String.join(", ", new TreeSet<>(declared))));
        }
        for (StepInput input : inputs) {
            Object value = sent instanceof VariableMap typed ? typed.getValueTyped(input.name()) : sent.get(input.name());
            String refusal = input.refusal(plain(input, value));
            if (refusal != null) {
                throw new BillingException(refusal);
            }
        }
    }

    /**
     * A value as sent, typed or not. Tasklist sends a checklist as serialized JSON, which is read
     * here as JSON text; any other serialized object is refused: Tandem deserializes nothing else.
     */
    private static Object plain(StepInput input, Object value) {
        if (value instanceof SerializableValue serialized && !serialized.isDeserialized()) {
            String json = serialized.getValueSerialized();
            if (json != null && "application/json".equals(serialized.getSerializationDataFormat())) {
                try {
                    return Spin.JSON(json);
                } catch (RuntimeException unreadable) {
                    throw new BillingException("%s is not valid JSON.".formatted(input.name()));
                }
            }
            throw new BillingException("%s cannot be read: send it as JSON or a plain value.".formatted(input.name()));
        }
        return value instanceof TypedValue typed ? typed.getValue() : value;
    }

    /** Adds the start check to the start events of every process, as a built-in listener that no caller can skip. */
    AbstractBpmnParseListener startEvents() {
        return new AbstractBpmnParseListener() {
            @Override
            public void parseStartEvent(Element startEventElement, ScopeImpl scope, ActivityImpl startEvent) {
                if (scope instanceof ProcessDefinitionEntity definition) {
                    String key = definition.getKey();
                    String id = startEvent.getId();
                    ExecutionListener check = execution -> checkStart(key, id, execution);
                    startEvent.addBuiltInListener(ExecutionListener.EVENTNAME_START, check);
                }
            }
        };
    }

    /** Whether the user is in one of the groups, whoever may read users. */
    private static boolean worksIn(CommandExecutor commands, String userId, List<String> groups) {
        return commands.execute(context -> context.runWithoutAuthorization(() -> groups.stream().anyMatch(group ->
                context.getProcessEngineConfiguration().getIdentityService().createUserQuery().userId(userId)
                        .memberOfGroup(group).count() > 0)));
    }

    /** The TaskService every channel completes tasks through. */
    class GuardedTaskService extends TaskServiceImpl {

        @Override
        public void complete(String taskId) {
            checkCompletion(commandExecutor, taskId, Map.of());
            super.complete(taskId);
        }

        @Override
        public void complete(String taskId, Map<String, Object> variables) {
            checkCompletion(commandExecutor, taskId, variables);
            super.complete(taskId, variables);
        }

        @Override
        public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables,
                                                         boolean deserializeValues) {
            checkCompletion(commandExecutor, taskId, variables);
            return super.completeWithVariablesInReturn(taskId, variables, deserializeValues);
        }

        @Override
        public void resolveTask(String taskId, Map<String, Object> variables) {
            checkCompletion(commandExecutor, taskId, variables);
            super.resolveTask(taskId, variables);
        }

        @Override
        public void resolveTask(String taskId) {
            checkCompletion(commandExecutor, taskId, Map.of());
            super.resolveTask(taskId);
        }

        @Override
        public void claim(String taskId, String userId) {
            checkAssignment(commandExecutor, taskId, userId, true);
            super.claim(taskId, userId);
        }

        @Override
        public void setAssignee(String taskId, String userId) {
            checkAssignment(commandExecutor, taskId, userId, false);
            super.setAssignee(taskId, userId);
        }

        @Override
        public void saveTask(Task task) {
            if (task.getId() != null) {
                checkAssignment(commandExecutor, task.getId(), task.getAssignee(), false);
            }
            super.saveTask(task);
        }

        @Override
        public void addUserIdentityLink(String taskId, String userId, String identityLinkType) {
            if (IdentityLinkType.ASSIGNEE.equals(identityLinkType)) {
                checkAssignment(commandExecutor, taskId, userId, false);
            }
            super.addUserIdentityLink(taskId, userId, identityLinkType);
        }

        @Override
        public void deleteUserIdentityLink(String taskId, String userId, String identityLinkType) {
            if (IdentityLinkType.ASSIGNEE.equals(identityLinkType)) {
                checkAssignment(commandExecutor, taskId, null, false);
            }
            super.deleteUserIdentityLink(taskId, userId, identityLinkType);
        }

        @Override
        public void delegateTask(String taskId, String userId) {
            checkAssignment(commandExecutor, taskId, userId, false);
            super.delegateTask(taskId, userId);
        }
    }

    /**
     * The FormService Tasklist opens and submits Camunda Forms through. Opening a form derives the
     * figures it shows from Tandem's records again ({@link FormFigures}): the task's variables hold
     * the figures as they were when it was created, the form shows them as they are.
     */
    class GuardedFormService extends FormServiceImpl {

        @Override
        public VariableMap getTaskFormVariables(String taskId, Collection<String> formVariables,
                                                boolean deserializeObjectValues) {
            // One command, so that the records are read in the same transaction as the variables.
            return commandExecutor.execute(context -> {
                VariableMap shown = super.getTaskFormVariables(taskId, formVariables, deserializeObjectValues);
                // The figures' inputs (order line, order) are read from the task, whatever was asked for.
                TaskEntity task = context.getTaskManager().findTaskById(taskId);
                for (FormFigures provider : figures.get()) {
                    if (provider.names().stream().anyMatch(shown::containsKey)) {
                        provider.figures(task::getVariable).forEach((name, value) -> {
                            if (shown.containsKey(name)) {
                                shown.putValueTyped(name, typed(value));
                            }
                        });
                    }
                }
                return shown;
            });
        }

        /** As the engine would store it, so that the REST API names its type. */
        private static TypedValue typed(Object value) {
            if (value instanceof TypedValue typed) {
                return typed;
            }
            if (value instanceof String text) {
                return Variables.stringValue(text);
            }
            if (value instanceof Boolean flag) {
                return Variables.booleanValue(flag);
            }
            return value == null ? Variables.untypedNullValue() : Variables.untypedValue(value);
        }

        @Override
        public void submitTaskForm(String taskId, Map<String, Object> properties) {
            checkCompletion(commandExecutor, taskId, properties);
            super.submitTaskForm(taskId, properties);
        }

        @Override
        public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties,
                                                               boolean deserializeValues) {
            checkCompletion(commandExecutor, taskId, properties);
            return super.submitTaskFormWithVariablesInReturn(taskId, properties, deserializeValues);
        }

        @Override
        public void submitTaskFormData(String taskId, Map<String, String> properties) {
            checkCompletion(commandExecutor, taskId, properties);
            super.submitTaskFormData(taskId, properties);
        }
    }
}

package dev.tandem.common;

import java.util.ArrayList;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Names every task after its step and what it is about, so that tasks in a list can be told
 * apart without opening them: "Invoice delivered time · S00002 · Globex Corporation",
 * "Work on ticket · T00002 · Globex Corporation: printer offline". What a task is about is the
 * process variable {@link #SUBJECT} where a process sets one, else its business key (the order,
 * ticket or field task number) and its {@link #CUSTOMER} variable. The models keep the step's
 * plain name, as Modeler shows it.
 * <p>
 * Creating a task applies the follow-up date the step before chose; completing a task of the
 * process's main line (anything but an event sub-process) clears what the step before did or
 * refused ({@link StepOutcome}).
 */
@Component
public class TaskNames extends AbstractProcessEnginePlugin {

    /** What a process's tasks are about, when business key and customer do not say it all. */
    public static final String SUBJECT = "subject";
    /** The customer's name: every process with a customer holds it under this name. */
    public static final String CUSTOMER = "customerName";
    /** The order's number: every process about an order holds it under this name. */
    public static final String ORDER = "orderNumber";
    /** Camunda's column for a task's name holds 255 characters. */
    private static final int LONGEST = 255;

    private static final TaskListener NAME = task -> {
        String about = about(task);
        if (!about.isEmpty()) {
            String name = task.getName() + " · " + about;
            task.setName(name.length() > LONGEST ? name.substring(0, LONGEST - 1) + "…" : name);
        }
    };

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, NAME);
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, StepOutcome.FOLLOW_UP);
                // A task in an event sub-process runs beside the main line: it leaves the outcome and
                // refusal of the main line's steps alone.
                if (!inEventSubProcess(scope)) {
                    task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, StepOutcome.CLEAR);
                }
            }
        });
    }

    private static boolean inEventSubProcess(ScopeImpl scope) {
        for (ScopeImpl s = scope; s instanceof ActivityImpl activity; s = activity.getFlowScope()) {
            if (activity.isTriggeredByEvent()) {
                return true;
            }
        }
        return false;
    }

    /** The step a task's name names, without what it is about: "Start work on site". */
    public static String step(String taskName) {
        int about = taskName == null ? -1 : taskName.indexOf(" · ");
        return about < 0 ? taskName : taskName.substring(0, about);
    }

    private static String about(DelegateTask task) {
        Object subject = task.getVariable(SUBJECT);
        if (subject != null) {
            return subject.toString();
        }
        return Stream.of(task.getExecution().getProcessBusinessKey(), task.getVariable(CUSTOMER))
                .filter(Objects::nonNull).map(Object::toString).filter(part -> !part.isBlank())
                .collect(Collectors.joining(" · "));
    }
}

package dev.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Expression;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Walks every model in processes/ as a process owner would open it, and as the engine runs it. */
@TandemIntegrationTest
class ProcessModelsTest {

    private static final Pattern MEANINGFUL_ID = Pattern.compile(
            "(startEvent|endEvent|userTask|serviceTask|sendTask|businessRuleTask|callActivity|subProcess|gateway"
                    + "|boundaryEvent|intermediateCatchEvent|intermediateThrowEvent|flow)_[a-z][A-Za-z0-9]*");
    private static final Pattern DELEGATE_EXPRESSION = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");

    @Autowired RepositoryService repository;
    @Autowired ApplicationContext context;

    @TestFactory
    Stream<DynamicTest> everyModelIsCompleteAndRunnable() throws IOException {
        Set<String> formIds = formIds();
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            List<Path> models = files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
            assertThat(models).isNotEmpty();
            return models.stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(),
                    () -> check(Bpmn.readModelFromFile(path.toFile()), formIds)));
        }
    }

    /** The name of the lane a step lies in, or of its sub-process's lane. */
    private static String laneOf(BpmnModelInstance model, FlowNode node) {
        ModelElementInstance step = node;
        while (step.getParentElement() instanceof SubProcess subProcess) {
            step = subProcess;
        }
        String id = ((FlowNode) step).getId();
        return model.getModelElementsByType(Lane.class).stream()
                .filter(lane -> lane.getFlowNodeRefs().stream().anyMatch(ref -> ref.getId().equals(id)))
                .map(Lane::getName).findFirst().orElse("(no lane)");
    }

    private void check(BpmnModelInstance model, Set<String> formIds) {
        Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                .map(shape -> shape.getBpmnElement().getId()).collect(Collectors.toSet());
        Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                .map(edge -> edge.getBpmnElement().getId()).collect(Collectors.toSet());

        for (Process process : model.getModelElementsByType(Process.class)) {
            assertThat(process.getCamundaHistoryTimeToLiveString()).as("history time to live of %s", process.getId())
                    .isNotBlank();
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(process.getId()).count())
                    .as("%s is deployed", process.getId()).isPositive();
        }
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            assertThat(node.getId()).as("id of %s", node.getName()).matches(MEANINGFUL_ID);
            assertThat(shapes).as("diagram shape of %s", node.getId()).contains(node.getId());
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            assertThat(flow.getId()).matches(MEANINGFUL_ID);
            assertThat(edges).as("diagram edge of %s", flow.getId()).contains(flow.getId());
        }
        assertThat(model.getModelElementsByType(Participant.class)).as("the model's pool").hasSize(1);
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            assertThat(task.getCamundaCandidateGroups()).as("candidate groups of %s", task.getId()).isNotBlank();
            assertThat(laneOf(model, task)).as("the lane of %s names who works it", task.getId())
                    .satisfies(lane -> assertThat(task.getCamundaCandidateGroupsList()).allSatisfy(group ->
                            assertThat(lane.toLowerCase(Locale.ROOT)).contains(group.replace('-', ' ').replaceAll("s$", ""))));
            assertThat(task.getCamundaAssignee()).as("assignee of %s", task.getId()).isNull();
            assertThat(task.getCamundaCandidateUsers()).as("candidate users of %s", task.getId()).isNull();
            assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
            assertThat(formIds).as("form of %s", task.getId()).contains(task.getCamundaFormRef());
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            if (start.getCamundaFormRef() != null) {
                assertThat(formIds).as("form of %s", start.getId()).contains(start.getCamundaFormRef());
            }
        }
        List<String> expressions = new ArrayList<>();
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            assertThat(task.getCamundaClass()).as("class of %s", task.getId()).isNull();
            assertThat(task.getCamundaDelegateExpression()).as("delegate of %s", task.getId()).isNotNull();
            expressions.add(task.getCamundaDelegateExpression());
        }
        model.getModelElementsByType(CamundaTaskListener.class).forEach(l -> expressions.add(l.getCamundaDelegateExpression()));
        for (String expression : expressions) {
            Matcher matcher = DELEGATE_EXPRESSION.matcher(expression);
            assertThat(matcher.matches()).as("delegate expression %s", expression).isTrue();
            assertThat(context.containsBean(matcher.group(1))).as("bean %s", matcher.group(1)).isTrue();
        }
        // Expressions (conditions, timer values) carry no id, in Modeler's files too.
        List<BaseElement> all = model.getModelElementsByType(BaseElement.class).stream()
                .filter(element -> !(element instanceof Expression)).toList();
        assertThat(all).extracting(BaseElement::getId).doesNotContainNull()
                .noneMatch(id -> id.matches("(Activity|Event|Gateway|Flow|StartEvent|EndEvent)_[0-9a-z]{7}"));
    }

    @TestFactory
    Stream<DynamicTest> everyDecisionIsDeployedWithAHistoryTimeToLive() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            List<Path> tables = files.filter(p -> p.toString().endsWith(".dmn")).sorted().toList();
            return tables.stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
                DmnModelInstance model = Dmn.readModelFromFile(path.toFile());
                for (Decision decision : model.getModelElementsByType(Decision.class)) {
                    assertThat(decision.getCamundaHistoryTimeToLiveString()).as("history time to live of %s",
                            decision.getId()).isNotBlank();
                    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey(decision.getId())
                            .count()).as("%s is deployed", decision.getId()).isPositive();
                }
            }));
        }
    }

    private static Set<String> formIds() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            return files.filter(p -> p.toString().endsWith(".form")).map(path -> {
                try {
                    String id = json.readTree(path.toFile()).get("id").asText();
                    assertThat(path.getFileName().toString()).isEqualTo(id + ".form");
                    return id;
                } catch (IOException e) {
                    throw new IllegalStateException(path + " is not valid JSON", e);
                }
            }).collect(Collectors.toSet());
        }
    }
}

package dev.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.tandem.common.ProcessInputs;
import dev.tandem.common.StepInput;

/**
 * The inputs each process declares in code are exactly the fields of its forms, with matching
 * types and choices: what the guard accepts is what Tasklist shows, no more and no less.
 */
class FormInputsTest {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<String> processes() {
        return new ArrayList<>(StepInputGuard.PROCESSES.keySet());
    }

    @ParameterizedTest
    @MethodSource("processes")
    void everyFormOfTheProcessDeclaresExactlyTheInputsTheGuardAccepts(String key) throws Exception {
        ProcessInputs declared = StepInputGuard.PROCESSES.get(key);
        Element process = (Element) DocumentBuilderFactory.newNSInstance().newDocumentBuilder()
                .parse(Path.of("processes", key + ".bpmn").toFile())
                .getElementsByTagNameNS(BPMN, "process").item(0);

        Map<String, String> formsByStep = new LinkedHashMap<>();
        List<String> startEvents = new ArrayList<>();
        for (String type : List.of("startEvent", "userTask")) {
            NodeList steps = process.getElementsByTagNameNS(BPMN, type);
            for (int i = 0; i < steps.getLength(); i++) {
                Element step = (Element) steps.item(i);
                if (type.equals("startEvent")) {
                    startEvents.add(step.getAttribute("id"));
                }
                String form = step.getAttributeNS(CAMUNDA, "formRef");
                if (!form.isEmpty()) {
                    formsByStep.put(step.getAttribute("id"), form);
                }
            }
        }

        // A start event without a form (the invoice run) is started by a Tandem page with the declared inputs;
        // a process that declares none (Send invoice, Quotation) is started by Tandem only: no start form.
        if (declared.startEventId() == null) {
            assertThat(startEvents).as("start forms of a process only Tandem starts").noneMatch(formsByStep::containsKey);
        } else {
            assertThat(startEvents).contains(declared.startEventId());
        }
        formsByStep.forEach((step, form) -> {
            List<StepInput> inputs = step.equals(declared.startEventId()) ? declared.start() : declared.ofTask(step);
            assertThat(fields(form)).as("inputs of %s (form %s)", step, form).isEqualTo(describe(inputs));
        });
        assertThat(formsByStep.keySet()).containsAll(declared.tasks().keySet());
    }

    /** A form's fields as "name: type [choices]", from its JSON. */
    private static List<String> fields(String formId) {
        try {
            JsonNode form = JSON.readTree(new File("forms", formId + ".form"));
            List<String> fields = new ArrayList<>();
            collect(form.get("components"), fields);
            return fields.stream().sorted().toList();
        } catch (Exception e) {
            throw new IllegalStateException(formId, e);
        }
    }

    private static void collect(JsonNode components, List<String> fields) {
        for (JsonNode component : components) {
            if (component.has("components")) {
                collect(component.get("components"), fields);
            }
            // A disabled field only shows a value; Tasklist does not send it back.
            if (!component.has("key") || component.path("disabled").asBoolean()) {
                continue;
            }
            String type = switch (component.get("type").asText()) {
                // A text field that takes time worked checks its hours:minutes pattern in the browser.
                case "textfield" -> component.path("validate").has("pattern") ? "DURATION" : "TEXT";
                case "textarea" -> "TEXT";
                case "number" -> "DECIMAL";
                case "datetime" -> "DATE";
                case "checkbox" -> "FLAG";
                // Options a task puts on the form (valuesKey) are no fixed list: the server checks
                // the value sent as text against its own records (e.g. the order's posted invoices).
                case "radio", "select" -> component.has("valuesKey") ? "TEXT" : "CHOICE";
                case "checklist" -> "IDS";
                default -> component.get("type").asText();
            };
            List<String> choices = new ArrayList<>();
            component.path("values").forEach(value -> choices.add(value.get("value").asText()));
            fields.add(component.get("key").asText() + ": " + type + (choices.isEmpty() ? "" : " " + choices));
        }
    }

    private static List<String> describe(List<StepInput> inputs) {
        return inputs.stream().map(input -> input.name() + ": " + input.type()
                + (input.choices().isEmpty() ? "" : " " + input.choices())).sorted().toList();
    }
}

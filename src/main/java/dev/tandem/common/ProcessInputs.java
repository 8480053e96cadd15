package dev.tandem.common;

import java.util.List;
import java.util.Map;

/**
 * What people may send to one process: the inputs of its start form and of each user task, by
 * element id. A start event or task not listed accepts nothing from a person.
 */
public record ProcessInputs(String processKey, String startEventId, List<StepInput> start,
                            Map<String, List<StepInput>> tasks) {

    public List<StepInput> ofTask(String taskDefinitionKey) {
        return tasks.getOrDefault(taskDefinitionKey, List.of());
    }
}

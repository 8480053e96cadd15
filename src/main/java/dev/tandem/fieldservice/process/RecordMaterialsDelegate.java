package dev.tandem.fieldservice.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.common.FormValues;
import dev.tandem.common.StepOutcome;
import dev.tandem.fieldservice.FieldTaskService;

/**
 * The worksheet's answers are stored with the task, and its materials become delivered lines on
 * the task's order (stock moves only at Mark as done). Every row is checked before any is
 * recorded, so a refusal saves nothing and the technician gets the worksheet back with the reason
 * and the rows as typed.
 */
@Component("recordMaterials")
class RecordMaterialsDelegate implements JavaDelegate {

    private final FieldTaskService fieldTasks;
    private final FieldTimers timers;

    RecordMaterialsDelegate(FieldTaskService fieldTasks, FieldTimers timers) {
        this.fieldTasks = fieldTasks;
        this.timers = timers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<FieldTaskService.MaterialUsed> typed = new ArrayList<>();
        for (int slot = 1; slot <= FieldServiceProcess.MATERIAL_SLOTS; slot++) {
            String code = FormValues.text(execution.getVariable(FieldServiceProcess.materialCode(slot)));
            if (code != null) {
                typed.add(new FieldTaskService.MaterialUsed(code, FormValues.decimal(
                        execution.getVariable(FieldServiceProcess.materialQuantity(slot)), "The quantity of " + code)));
            }
        }
        List<String> recorded = fieldTasks.recordWorksheet(timers.task(execution).getId(),
                FormValues.text(execution.getVariable(FieldServiceProcess.WORKSHEET_NOTES)), typed);

        List<String> shown = new ArrayList<>();
        Object before = execution.getVariable(FieldServiceProcess.MATERIALS_USED);
        if (before != null) {
            shown.add(before.toString());
        }
        shown.addAll(recorded);
        execution.setVariable(FieldServiceProcess.MATERIALS_USED, shown.isEmpty() ? null : String.join(", ", shown));
        for (int slot = 1; slot <= FieldServiceProcess.MATERIAL_SLOTS; slot++) {
            execution.removeVariable(FieldServiceProcess.materialCode(slot));
            execution.removeVariable(FieldServiceProcess.materialQuantity(slot));
        }
        StepOutcome.tell(execution, recorded.isEmpty() ? "Worksheet saved; no materials this round."
                : "Worksheet saved; materials recorded on the order: %s.".formatted(String.join(", ", recorded)));
    }
}

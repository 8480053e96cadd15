package dev.tandem.fieldservice.process;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.tandem.catalog.Product;
import dev.tandem.catalog.ProductRepository;
import dev.tandem.common.BillingException;
import dev.tandem.common.FormValues;
import dev.tandem.common.StepOutcome;
import dev.tandem.fieldservice.FieldTaskService;
import dev.tandem.fieldservice.WorksheetService;

/**
 * The worksheet's answers are stored with the task, and its materials become delivered lines on
 * the task's order (stock moves only at Mark as done). Every row is checked before any is
 * recorded, so a refusal saves nothing and the technician gets the worksheet back with the reason
 * and the rows as typed.
 */
@Component("recordMaterials")
class RecordMaterialsDelegate implements JavaDelegate {

    private record Used(Product product, BigDecimal quantity) {
    }

    private final FieldTaskService fieldTasks;
    private final ProductRepository products;
    private final WorksheetService worksheets;
    private final FieldTimers timers;

    RecordMaterialsDelegate(FieldTaskService fieldTasks, ProductRepository products, WorksheetService worksheets,
                            FieldTimers timers) {
        this.timers = timers;
        this.fieldTasks = fieldTasks;
        this.products = products;
        this.worksheets = worksheets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long taskId = timers.task(execution).getId();
        List<Used> used = new ArrayList<>();
        for (int slot = 1; slot <= FieldServiceProcess.MATERIAL_SLOTS; slot++) {
            String code = FormValues.text(execution.getVariable(FieldServiceProcess.materialCode(slot)));
            if (code == null) {
                continue;
            }
            Product product = products.coded(code);
            BigDecimal quantity = FormValues.decimal(
                    execution.getVariable(FieldServiceProcess.materialQuantity(slot)), "The quantity of " + code);
            if (product.getBillingPolicy() != Product.BillingPolicy.DELIVERED) {
                throw new BillingException("%s is not a material billed on delivery.".formatted(product.getName()));
            }
            if (quantity == null || quantity.signum() <= 0) {
                throw new BillingException("The quantity used of %s must be positive.".formatted(code));
            }
            used.add(new Used(product, quantity));
        }
        worksheets.answer(taskId, FormValues.text(execution.getVariable(FieldServiceProcess.WORKSHEET_NOTES)));
        used.forEach(material -> fieldTasks.useMaterial(taskId, material.product().getId(), material.quantity()));

        List<String> shown = new ArrayList<>();
        Object before = execution.getVariable(FieldServiceProcess.MATERIALS_USED);
        if (before != null) {
            shown.add(before.toString());
        }
        used.forEach(material -> shown.add("%s × %s".formatted(material.quantity().stripTrailingZeros().toPlainString(),
                material.product().getName())));
        execution.setVariable(FieldServiceProcess.MATERIALS_USED, shown.isEmpty() ? null : String.join(", ", shown));
        for (int slot = 1; slot <= FieldServiceProcess.MATERIAL_SLOTS; slot++) {
            execution.removeVariable(FieldServiceProcess.materialCode(slot));
            execution.removeVariable(FieldServiceProcess.materialQuantity(slot));
        }
        StepOutcome.tell(execution, used.isEmpty() ? "Worksheet saved; no materials this round."
                : "Worksheet saved; materials recorded on the order: %s.".formatted(used.stream()
                        .map(material -> "%s × %s".formatted(material.quantity().stripTrailingZeros().toPlainString(),
                                material.product().getName())).collect(Collectors.joining(", "))));
    }
}

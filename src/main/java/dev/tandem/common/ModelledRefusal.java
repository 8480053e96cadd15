package dev.tandem.common;

import java.util.List;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;

/**
 * The one place where a refusal of the billing core meets the process model. A step whose
 * activity carries an error boundary event with a code ending in {@code _REFUSED} hands refusals
 * to the model, which brings the person's task back with the message ({@code
 * camunda:errorMessageVariable="refusal"}). Elsewhere (a start, a step without such a boundary)
 * the refusal fails the call that caused it, so the person reads it where they acted and nothing
 * is saved. Delegates therefore just let {@link BillingException} out.
 */
public final class ModelledRefusal {

    static final String SUFFIX = "_REFUSED";

    private ModelledRefusal() {
    }

    public static RuntimeException of(BillingException refused, DelegateExecution execution) {
        FlowElement activity = execution.getBpmnModelElementInstance();
        if (activity == null) {
            return refused;
        }
        List<String> codes = execution.getBpmnModelInstance().getModelElementsByType(BoundaryEvent.class).stream()
                .filter(boundary -> boundary.getAttachedTo() != null
                        && activity.getId().equals(boundary.getAttachedTo().getId()))
                .flatMap(boundary -> boundary.getEventDefinitions().stream())
                .filter(ErrorEventDefinition.class::isInstance)
                .map(definition -> ((ErrorEventDefinition) definition).getError())
                .filter(error -> error != null && error.getErrorCode() != null
                        && error.getErrorCode().endsWith(SUFFIX))
                .map(error -> error.getErrorCode())
                .toList();
        return codes.isEmpty() ? refused : new BpmnError(codes.get(0), refused.getMessage());
    }
}

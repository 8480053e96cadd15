package dev.tandem.sales.process;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The customer accepted: starts <em>Prepaid support</em> for the quotation, whose first step
 * confirms it as the order. A job of Tandem's own (no person starts a process with a quotation's
 * number), so the new order's process runs as if the salesperson had sold the hours on its form.
 */
@Component("orderQuotedHours")
class OrderQuotedHoursDelegate implements JavaDelegate {

    private final RuntimeService runtime;

    OrderQuotedHoursDelegate(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = execution.getProcessBusinessKey();
        runtime.startProcessInstanceByKey(PrepaidSupportProcess.KEY, number,
                Map.of(PrepaidSupportProcess.QUOTATION_NUMBER, number));
    }
}

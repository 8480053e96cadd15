package dev.tandem.timesheets.process;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import dev.tandem.sales.SalesOrderLine;
import dev.tandem.sales.SalesOrderLineRepository;
import dev.tandem.sales.process.PrepaidSupportProcess;
import dev.tandem.timesheets.TimesheetService;

/**
 * Tells an order's process what happened to its time elsewhere (tickets, logged time), by message
 * and the order number as business key. An order without such a process simply hears nothing.
 * (Figures on forms need no message: they are derived afresh whenever a form is opened.)
 */
@Component
public class OrderEvents {

    private final RuntimeService runtime;
    private final TimesheetService timesheets;
    private final SalesOrderLineRepository lines;

    OrderEvents(RuntimeService runtime, TimesheetService timesheets, SalesOrderLineRepository lines) {
        this.runtime = runtime;
        this.timesheets = timesheets;
        this.lines = lines;
    }

    /**
     * After time is recorded on a line: the first time a prepaid line needs more hours, the
     * salesperson is asked, through the order's prepaid-support process. An order sold without
     * that process has nobody to ask, and its line stays unmarked.
     */
    public void timeRecorded(Long lineId) {
        SalesOrderLine line = lineId == null ? null : lines.findById(lineId).orElse(null);
        if (line == null || !hasProcess(PrepaidSupportProcess.KEY, line) || !timesheets.requestUpsellIfDue(lineId)) {
            return;
        }
        runtime.createMessageCorrelation(PrepaidSupportProcess.MESSAGE_UPSELL_DUE)
                .processInstanceBusinessKey(line.getOrder().getNumber())
                .setVariables(Map.of(PrepaidSupportProcess.ORDER_LINE_ID, lineId))
                .correlateAll();
    }

    private boolean hasProcess(String key, SalesOrderLine line) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(key)
                .processInstanceBusinessKey(line.getOrder().getNumber()).active().count() > 0;
    }
}

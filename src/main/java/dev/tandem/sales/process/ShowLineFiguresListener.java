package dev.tandem.sales.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import dev.tandem.common.HoursAndMinutes;
import dev.tandem.sales.LineFigures;
import dev.tandem.sales.OrderFigures;
import dev.tandem.sales.SalesOrderLine;
import dev.tandem.sales.SalesOrderLineRepository;

/**
 * When a task is created, puts the current figures of its order line on it for the form: what was
 * ordered, delivered, invoiced and is left, the remaining hours flagged when overdrawn. Figures are
 * derived from the ledger each time; the variables are only a snapshot for the person.
 */
@Component("showLineFigures")
public class ShowLineFiguresListener implements TaskListener {

    public static final String ORDER_LINE_ID = "orderLineId";
    public static final String LINE_LABEL = "lineLabel";
    public static final String ORDERED = "lineOrdered";
    public static final String DELIVERED = "lineDelivered";
    public static final String INVOICED = "lineInvoiced";
    public static final String TO_INVOICE = "lineToInvoice";
    /** Prepaid lines only; shown in red when {@link #OVERDRAWN}. */
    public static final String REMAINING = "lineRemaining";
    public static final String OVERDRAWN = "lineOverdrawn";

    private final OrderFigures figures;
    private final SalesOrderLineRepository lines;

    ShowLineFiguresListener(OrderFigures figures, SalesOrderLineRepository lines) {
        this.figures = figures;
        this.lines = lines;
    }

    @Override
    public void notify(DelegateTask task) {
        Long lineId = (Long) task.getVariable(ORDER_LINE_ID);
        if (lineId == null) {
            task.setVariable(LINE_LABEL, "No order line: this time is not billed.");
            return;
        }
        SalesOrderLine line = lines.findById(lineId).orElseThrow();
        LineFigures now = figures.ofLine(lineId);
        task.setVariable(LINE_LABEL, "%s, line %d: %s".formatted(line.getOrder().getNumber(), line.getPosition(),
                line.getDescription()));
        task.setVariable(ORDERED, shown(now.ordered()));
        task.setVariable(DELIVERED, shown(now.delivered()));
        task.setVariable(INVOICED, shown(now.invoiced()));
        task.setVariable(TO_INVOICE, shown(now.toInvoice()));
        task.setVariable(REMAINING, shown(now.remaining()));
        task.setVariable(OVERDRAWN, now.isOverdrawn());
    }

    /** As people read time: "6:10 h · 6.17 h". */
    private static String shown(java.math.BigDecimal hours) {
        return hours == null ? null : HoursAndMinutes.withDecimal(hours);
    }
}

package dev.tandem.invoicing.process;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import dev.tandem.common.FormFigures;
import dev.tandem.common.HoursAndMinutes;
import dev.tandem.invoicing.LineFigures;
import dev.tandem.invoicing.OrderFigures;
import dev.tandem.sales.SalesOrderLine;
import dev.tandem.sales.SalesOrderLineRepository;

/**
 * When a task is created, puts the current figures of its order line on it for the form: what was
 * ordered, delivered, invoiced and is left, the remaining hours flagged when overdrawn. Figures are
 * derived from the ledger each time, and again whenever the form is opened ({@link FormFigures}).
 */
@Component("showLineFigures")
public class ShowLineFiguresListener implements TaskListener, FormFigures {

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
        putOn(task);
    }

    @Override
    public Set<String> names() {
        return Set.of(LINE_LABEL, ORDERED, DELIVERED, INVOICED, TO_INVOICE, REMAINING, OVERDRAWN);
    }

    @Override
    public Map<String, Object> figures(Function<String, Object> variables) {
        Long lineId = (Long) variables.apply(ORDER_LINE_ID);
        if (lineId == null) {
            return Map.of(LINE_LABEL, "No order line: this time is not billed.");
        }
        SalesOrderLine line = lines.findById(lineId).orElseThrow();
        LineFigures now = figures.ofLine(lineId);
        Map<String, Object> shown = new HashMap<>();
        shown.put(LINE_LABEL, "%s, line %d: %s".formatted(line.getOrder().getNumber(), line.getPosition(),
                line.getDescription()));
        shown.put(ORDERED, shown(now.ordered()));
        shown.put(DELIVERED, shown(now.delivered()));
        shown.put(INVOICED, shown(now.invoiced()));
        shown.put(TO_INVOICE, shown(now.toInvoice()));
        shown.put(REMAINING, shown(now.remaining()));
        shown.put(OVERDRAWN, now.isOverdrawn());
        return shown;
    }

    /** As people read time: "6:10 h · 6.17 h". */
    private static String shown(java.math.BigDecimal hours) {
        return hours == null ? null : HoursAndMinutes.withDecimal(hours);
    }
}

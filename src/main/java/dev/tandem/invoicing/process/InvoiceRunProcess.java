package dev.tandem.invoicing.process;

import java.util.List;
import java.util.Map;

import dev.tandem.common.ProcessInputs;
import dev.tandem.common.StepInput;

/** Key, element ids and variable names of processes/invoice-run.bpmn. */
public final class InvoiceRunProcess {

    public static final String KEY = "invoice-run";

    public static final String START_EVENT = "startEvent_invoicesRequested";
    public static final String SERVICE_TASK_INVOICE_NEXT_ORDERS = "serviceTask_invoiceNextOrders";
    public static final String TIMER_MAIL_WAIT = "intermediateCatchEvent_mailWait";
    public static final String USER_TASK_SUMMARY = "userTask_reviewInvoiceRun";

    /** Start: the orders chosen on the To-Invoice page, consolidation, and the optional period. */
    public static final String ORDER_IDS = "orderIds";
    public static final String CONSOLIDATED = "consolidated";

    /**
     * Set by the run: its number; after each chunk, how many orders are left; whether every invoice
     * has reached the mail server; at the end, how many were sent and skipped. The orders themselves
     * are in Tandem's tables, whatever their number.
     */
    public static final String RUN_NUMBER = "runNumber";
    public static final String ORDERS_LEFT = "ordersLeft";
    public static final String ALL_MAILED = "allMailed";
    public static final String INVOICES_SENT = "invoicesSent";
    public static final String ORDERS_SKIPPED = "ordersSkipped";

    /** What people may send: the To-Invoice page's selection; the summary task takes nothing. */
    public static final ProcessInputs INPUTS = new ProcessInputs(KEY, START_EVENT,
            List.of(StepInput.ids(ORDER_IDS).required(), StepInput.flag(CONSOLIDATED),
                    StepInput.date(InvoicingVariables.PERIOD_START), StepInput.date(InvoicingVariables.PERIOD_END)),
            Map.of());

    private InvoiceRunProcess() {
    }
}

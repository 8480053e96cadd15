package dev.tandem.invoicing.process;

/** Key, element ids and variable names of processes/invoice-run.bpmn. */
public final class InvoiceRunProcess {

    public static final String KEY = "invoice-run";

    public static final String SUB_PROCESS_ISSUE = "subProcess_issueInvoice";
    public static final String USER_TASK_SUMMARY = "userTask_reviewInvoiceRun";

    /** Start: the orders chosen on the To-Invoice page, consolidation, and the optional period. */
    public static final String ORDER_IDS = "orderIds";
    public static final String CONSOLIDATED = "consolidated";

    /** Set by the run: the drafts created, one branch each, and what was skipped and why. */
    public static final String INVOICE_IDS = "invoiceIds";
    public static final String SKIPPED = "skipped";
    public static final String RUN_NUMBER = "runNumber";
    public static final String SUMMARY = "summary";

    private InvoiceRunProcess() {
    }
}

package dev.tandem.sales.process;



/**
 * Key, element ids and variable names of processes/postpaid-support.bpmn; its invoicing steps'
 * variables are in {@code invoicing.process.InvoicingVariables}, and what people may send to it in
 * {@code invoicing.process.SupportProcessInputs}.
 */
public final class PostpaidSupportProcess {

    public static final String KEY = "postpaid-support";

    public static final String START_EVENT = "startEvent_supportOrdered";
    public static final String USER_TASK_INVOICE_DELIVERED_TIME = "userTask_invoiceDeliveredTime";
    public static final String SERVICE_TASK_WAIT = "serviceTask_waitForDeliveredTime";
    public static final String USER_TASK_REVIEW_DRAFT = "userTask_reviewDraftInvoice";
    public static final String SERVICE_TASK_POST_INVOICE = "serviceTask_postInvoice";
    public static final String SERVICE_TASK_CANCEL_DRAFT = "serviceTask_cancelDraftInvoice";
    public static final String SERVICE_TASK_ISSUE_DOWN_PAYMENT = "serviceTask_issueDownPayment";
    public static final String SERVICE_TASK_PRINT_INVOICE = "serviceTask_printInvoice";
    public static final String SERVICE_TASK_SEND_INVOICE = "serviceTask_sendInvoice";
    public static final String USER_TASK_CREDIT_INVOICE = "userTask_creditInvoice";
    public static final String SERVICE_TASK_ISSUE_CREDIT_NOTE = "serviceTask_issueCreditNote";
    public static final String SERVICE_TASK_CLOSE_ORDER = "serviceTask_closeOrder";

    /** "Invoice delivered time": INVOICE, DOWN_PAYMENT, CREDIT, WAIT (until {@link #FOLLOW_UP_DATE}) or CLOSE. */
    public static final String ACTION = "action";
    public static final String INVOICE = "INVOICE";
    public static final String DOWN_PAYMENT = "DOWN_PAYMENT";
    public static final String CREDIT = "CREDIT";
    public static final String WAIT = "WAIT";
    public static final String CLOSE = "CLOSE";
    /** The day the accountant will look again, when waiting for delivered time. */
    public static final String FOLLOW_UP_DATE = "followUpDate";

    private PostpaidSupportProcess() {
    }
}

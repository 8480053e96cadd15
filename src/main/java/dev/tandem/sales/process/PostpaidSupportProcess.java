package dev.tandem.sales.process;

import dev.tandem.invoicing.process.InvoicingVariables;

/** Key, element ids and variable names of processes/postpaid-support.bpmn. */
public final class PostpaidSupportProcess {

    public static final String KEY = "postpaid-support";

    public static final String USER_TASK_INVOICE_DELIVERED_TIME = "userTask_invoiceDeliveredTime";
    public static final String EVENT_GATEWAY_WAIT = "gateway_waitForDeliveredTime";
    public static final String TIMER_RECHECK = "intermediateCatchEvent_recheckDeliveredTime";
    public static final String USER_TASK_REVIEW_DRAFT = "userTask_reviewDraftInvoice";
    public static final String SERVICE_TASK_POST_INVOICE = "serviceTask_postInvoice";
    public static final String SERVICE_TASK_CANCEL_DRAFT = "serviceTask_cancelDraftInvoice";
    public static final String SERVICE_TASK_ISSUE_DOWN_PAYMENT = "serviceTask_issueDownPayment";
    public static final String SERVICE_TASK_PRINT_INVOICE = "serviceTask_printInvoice";
    public static final String SERVICE_TASK_SEND_INVOICE = "serviceTask_sendInvoice";
    public static final String USER_TASK_CREDIT_INVOICE = "userTask_creditInvoice";
    public static final String SERVICE_TASK_ISSUE_CREDIT_NOTE = "serviceTask_issueCreditNote";
    public static final String SERVICE_TASK_CLOSE_ORDER = "serviceTask_closeOrder";

    /** Correlated by the order number when a ticket on one of its lines is resolved. */
    public static final String MESSAGE_TIME_DELIVERED = "TimeDelivered";

    /** "Invoice delivered time": INVOICE, DOWN_PAYMENT, CREDIT or CLOSE. */
    public static final String ACTION = "action";
    public static final String INVOICE = "INVOICE";
    public static final String DOWN_PAYMENT = "DOWN_PAYMENT";
    public static final String CREDIT = "CREDIT";
    public static final String CLOSE = "CLOSE";

    /** "Review draft invoice": APPROVE or CANCEL. */
    public static final String REVIEW = InvoicingVariables.REVIEW;
    public static final String APPROVE = "APPROVE";
    public static final String CANCEL = "CANCEL";

    private PostpaidSupportProcess() {
    }
}

package dev.tandem.invoicing.process;

/**
 * Variable names and error codes of the invoicing steps that prepaid-support and postpaid-support
 * share (issue, review, post, print and mail an invoice), so models, delegates and tests agree.
 */
public final class InvoicingVariables {

    public static final String ORDER_ID = "orderId";
    public static final String ORDER_NUMBER = "orderNumber";

    /** "REGULAR" or "DOWN_PAYMENT". */
    public static final String INVOICE_KIND = "invoiceKind";
    public static final String REGULAR = "REGULAR";
    public static final String DOWN_PAYMENT = "DOWN_PAYMENT";
    /** "PERCENTAGE" or "FIXED"; the value is a percentage or an amount tax included. */
    public static final String DOWN_PAYMENT_KIND = "downPaymentKind";
    public static final String DOWN_PAYMENT_VALUE = "downPaymentValue";

    /** Optional Timesheets Period of a time invoice, dates as "2026-11-20". */
    public static final String PERIOD_START = "periodStart";
    public static final String PERIOD_END = "periodEnd";
    public static final String DEDUCT_DOWN_PAYMENTS = "deductDownPayments";

    public static final String INVOICE_ID = "invoiceId";
    public static final String INVOICE_NUMBER = "invoiceNumber";
    /** The draft as text for the review form: its lines and total. */
    public static final String INVOICE_SUMMARY = "invoiceSummary";
    public static final String INVOICE_TOTAL = "invoiceTotal";
    public static final String MAIL_ID = "mailId";
    /** After an invoice is issued: false while something is left to invoice (after a down payment). */
    public static final String FULLY_INVOICED = "fullyInvoiced";

    /** Why the last attempt was refused, shown on the form when the task comes back. */
    public static final String REFUSAL = "refusal";

    public static final String ERROR_INVOICE_REFUSED = "INVOICE_REFUSED";

    private InvoicingVariables() {
    }
}

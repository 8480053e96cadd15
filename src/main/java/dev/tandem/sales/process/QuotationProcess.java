package dev.tandem.sales.process;

import java.util.List;
import java.util.Map;

import dev.tandem.common.ProcessInputs;
import dev.tandem.common.StepInput;

/**
 * Key, element ids and variable names of processes/quotation.bpmn: a quotation the salesperson
 * sends to the customer, whose answer confirms it as an order or cancels it. Called by
 * <em>Prepaid support</em> when the salesperson proposes more hours; the business key is the
 * quotation's number.
 */
public final class QuotationProcess {

    public static final String KEY = "quotation";

    public static final String USER_TASK_SEND = "userTask_sendQuotation";
    public static final String USER_TASK_ANSWER = "userTask_customerAnswer";
    public static final String END_EVENT_ORDERED = "endEvent_ordered";
    /** The quotation's number, under the name Tasklist's filters show as the order. */
    public static final String ORDER_NUMBER = "orderNumber";
    public static final String END_EVENT_NOT_SOLD = "endEvent_notSold";
    public static final String BOUNDARY_EVENT_EXPIRED = "boundaryEvent_offerExpired";

    /** When the offer ends, set by "Print quotation": an answer not given by then cancels the quotation. */
    public static final String EXPIRES_AT = "quotationExpiresAt";

    /** Shown on both forms; set by "Describe quotation". */
    public static final String QUOTATION_SUMMARY = "quotationSummary";
    public static final String QUOTATION_TOTAL = "quotationTotal";

    /** "Send quotation": SEND it to the customer, or DROP it. */
    public static final String DECISION = "quotationDecision";
    public static final String SEND = "SEND";
    public static final String DROP = "DROP";

    /** "Customer's answer": ACCEPTED or DECLINED. */
    public static final String ANSWER = "customerAnswer";
    public static final String ACCEPTED = "ACCEPTED";
    public static final String DECLINED = "DECLINED";

    /** Started by Prepaid support only, never by a person: no start event is theirs to use. */
    public static final ProcessInputs INPUTS = new ProcessInputs(KEY, null, List.of(), Map.of(
            USER_TASK_SEND, List.of(StepInput.choice(DECISION, SEND, DROP).required()),
            USER_TASK_ANSWER, List.of(StepInput.choice(ANSWER, ACCEPTED, DECLINED).required())));

    private QuotationProcess() {
    }
}

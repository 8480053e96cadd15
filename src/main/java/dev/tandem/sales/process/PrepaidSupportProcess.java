package dev.tandem.sales.process;

import java.util.List;

import dev.tandem.common.StepInput;

/**
 * Key, element ids and variable names of processes/prepaid-support.bpmn. What people may send to
 * it is declared with its invoicing step, in {@code invoicing.process.SupportProcessInputs}.
 */
public final class PrepaidSupportProcess {

    public static final String KEY = "prepaid-support";

    public static final String START_EVENT = "startEvent_supportOrdered";
    public static final String USER_TASK_CREATE_INVOICE = "userTask_createInvoice";
    public static final String SERVICE_TASK_PRINT_INVOICE = "serviceTask_printInvoice";
    public static final String SERVICE_TASK_SEND_INVOICE = "serviceTask_sendInvoice";
    public static final String USER_TASK_SUPPORT_PERIOD = "userTask_supportPeriod";
    public static final String SERVICE_TASK_CLOSE_ORDER = "serviceTask_closeOrder";
    public static final String USER_TASK_PROPOSE_HOURS = "userTask_proposeAdditionalHours";
    public static final String END_EVENT_QUOTATION_CREATED = "endEvent_quotationCreated";
    /** Calls the Quotation process for the quotation just created. */
    public static final String CALL_ACTIVITY_QUOTATION = "callActivity_quotation";
    public static final String END_EVENT_NO_SALE = "endEvent_noSale";

    /** Correlated by the order number when a prepaid line first needs more hours. */
    public static final String MESSAGE_UPSELL_DUE = "UpsellDue";

    /**
     * Set when the order is confirmed, in both support processes: the invoicing steps read the
     * order by these, forms show the figures of the order line.
     */
    public static final String ORDER_ID = "orderId";
    public static final String ORDER_NUMBER = "orderNumber";
    public static final String ORDER_LINE_ID = "orderLineId";

    /** Start form. */
    public static final String CUSTOMER_NAME = "customerName";
    public static final String PRODUCT_CODE = "productCode";
    public static final String ORDERED_HOURS = "orderedHours";
    public static final String UNIT_PRICE = "unitPrice";
    /** Optional second line at list price, e.g. a set-up fee or a device. */
    public static final String ITEM_CODE = "itemCode";
    public static final String ITEM_QUANTITY = "itemQuantity";

    /** "Propose additional hours": QUOTATION with the hours, or NO_SALE with the reason. */
    public static final String PROPOSAL = "proposal";
    public static final String QUOTATION = "QUOTATION";
    public static final String NO_SALE = "NO_SALE";
    public static final String ADDITIONAL_HOURS = "additionalHours";
    public static final String PROPOSAL_NOTE = "proposalNote";
    public static final String QUOTATION_NUMBER = "quotationNumber";

    /** The start form of both support processes: customer, hours sold and an optional second item. */
    public static final List<StepInput> ORDER_FORM = List.of(
            StepInput.text(CUSTOMER_NAME, StepInput.NAME).required(),
            StepInput.text(PRODUCT_CODE, StepInput.NAME).required(),
            StepInput.decimal(ORDERED_HOURS, 2).required(),
            StepInput.decimal(UNIT_PRICE, 2),
            StepInput.text(ITEM_CODE, StepInput.NAME),
            StepInput.decimal(ITEM_QUANTITY, 2));

    private PrepaidSupportProcess() {
    }
}

package dev.tandem.invoicing.process;

import java.util.List;
import java.util.Map;

import dev.tandem.common.ProcessInputs;
import dev.tandem.common.StepInput;
import dev.tandem.sales.process.PostpaidSupportProcess;
import dev.tandem.sales.process.PrepaidSupportProcess;

/**
 * What people may send to the two support processes. Their steps belong to two features (sales
 * confirms the order and proposes hours, accounting invoices), so their inputs are declared here,
 * where invoicing, which builds on sales, sees both features' names.
 */
public final class SupportProcessInputs {

    /** The order, the kind of invoice, and the salesperson's proposal. */
    public static final ProcessInputs PREPAID = new ProcessInputs(PrepaidSupportProcess.KEY,
            PrepaidSupportProcess.START_EVENT, PrepaidSupportProcess.ORDER_FORM, Map.of(
            PrepaidSupportProcess.USER_TASK_CREATE_INVOICE, List.of(
                    StepInput.choice(InvoicingVariables.INVOICE_KIND, InvoicingVariables.REGULAR,
                            InvoicingVariables.DOWN_PAYMENT).required(),
                    InvoicingVariables.DOWN_PAYMENT_KIND_INPUT, InvoicingVariables.DOWN_PAYMENT_VALUE_INPUT),
            PrepaidSupportProcess.USER_TASK_PROPOSE_HOURS, List.of(
                    StepInput.choice(PrepaidSupportProcess.PROPOSAL, PrepaidSupportProcess.QUOTATION,
                            PrepaidSupportProcess.NO_SALE).required(),
                    StepInput.decimal(PrepaidSupportProcess.ADDITIONAL_HOURS, 2),
                    StepInput.text(PrepaidSupportProcess.PROPOSAL_NOTE, StepInput.DESCRIPTION))));

    /** The order, accounting's choice and its details, the review, the credit. */
    public static final ProcessInputs POSTPAID = new ProcessInputs(PostpaidSupportProcess.KEY,
            PostpaidSupportProcess.START_EVENT, PrepaidSupportProcess.ORDER_FORM, Map.of(
            PostpaidSupportProcess.USER_TASK_INVOICE_DELIVERED_TIME, List.of(
                    StepInput.choice(PostpaidSupportProcess.ACTION, PostpaidSupportProcess.INVOICE,
                            PostpaidSupportProcess.DOWN_PAYMENT, PostpaidSupportProcess.CREDIT,
                            PostpaidSupportProcess.WAIT, PostpaidSupportProcess.CLOSE).required(),
                    StepInput.date(PostpaidSupportProcess.FOLLOW_UP_DATE),
                    StepInput.text(InvoicingVariables.CREDITED_INVOICE_NUMBER, StepInput.NAME),
                    StepInput.date(InvoicingVariables.PERIOD_START),
                    StepInput.date(InvoicingVariables.PERIOD_END),
                    StepInput.flag(InvoicingVariables.DEDUCT_DOWN_PAYMENTS),
                    InvoicingVariables.DOWN_PAYMENT_KIND_INPUT, InvoicingVariables.DOWN_PAYMENT_VALUE_INPUT),
            PostpaidSupportProcess.USER_TASK_REVIEW_DRAFT, List.of(StepInput.choice(InvoicingVariables.REVIEW,
                    InvoicingVariables.APPROVE, InvoicingVariables.CANCEL).required()),
            PostpaidSupportProcess.USER_TASK_CREDIT_INVOICE, List.of(
                    StepInput.choice(InvoicingVariables.CREDIT_CHOICE, InvoicingVariables.ISSUE,
                            InvoicingVariables.NOTHING),
                    StepInput.ids(InvoicingVariables.CREDITED_ENTRIES))));

    private SupportProcessInputs() {
    }
}

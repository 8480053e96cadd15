package dev.tandem.invoicing.process;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import dev.tandem.common.Company;
import dev.tandem.common.FormValues;
import dev.tandem.common.Groups;
import dev.tandem.common.StepInput;
import dev.tandem.invoicing.Invoice;
import dev.tandem.invoicing.InvoiceRepository;
import dev.tandem.invoicing.TimesheetsPeriod;
import dev.tandem.sales.process.PrepaidSupportProcess;

/**
 * Variable names and error codes of the invoicing steps that prepaid-support and postpaid-support
 * share (issue, review, post, print and mail an invoice), so models, delegates and tests agree.
 */
public final class InvoicingVariables {

    public static final String ORDER_ID = PrepaidSupportProcess.ORDER_ID;
    public static final String ORDER_NUMBER = PrepaidSupportProcess.ORDER_NUMBER;

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
    /** The reviewer's decision on a draft, APPROVE or CANCEL; cleared once carried out. */
    public static final String REVIEW = "review";
    public static final String APPROVE = "APPROVE";
    public static final String CANCEL = "CANCEL";
    public static final String INVOICE_TOTAL = "invoiceTotal";
    /** After an invoice is issued: false while something is left to invoice (after a down payment). */
    public static final String FULLY_INVOICED = "fullyInvoiced";

    /** "Credit an invoice": the posted invoice to credit, then the entries ticked (none: all of it). */
    public static final String CREDITED_INVOICE_NUMBER = "creditedInvoiceNumber";
    /** The order's posted invoices, offered to pick the one to credit (JSON: value and label). */
    public static final String CREDITABLE_INVOICES = "creditableInvoices";
    /** Offered on the credit form as a checklist: label and entry id per timesheet entry still billed. */
    public static final String CREDITABLE_ENTRIES = "creditableEntries";
    public static final String CREDITED_ENTRIES = "creditedEntries";
    /**
     * "Credit invoice": ISSUE the credit note, or credit NOTHING after all (the round ends). Local
     * to the round, which starts it at ISSUE, so a round never inherits the last round's choice.
     */
    public static final String CREDIT_CHOICE = "creditChoice";
    public static final String ISSUE = "ISSUE";
    public static final String NOTHING = "NOTHING";

    /** Why the last attempt was refused, shown on the form when the task comes back. */
    public static final String REFUSAL = "refusal";

    /** A down payment as the forms ask for it: a percentage, or an amount tax included, in cents. */
    public static final StepInput DOWN_PAYMENT_KIND_INPUT = StepInput.choice(DOWN_PAYMENT_KIND, "PERCENTAGE", "FIXED");
    public static final StepInput DOWN_PAYMENT_VALUE_INPUT = StepInput.decimal(DOWN_PAYMENT_VALUE, 2);

    /** Form fields that apply to one invoice only: cleared once used, so the next round starts blank. */
    static final List<String> DOWN_PAYMENT_FIELDS = List.of(INVOICE_KIND, DOWN_PAYMENT_KIND, DOWN_PAYMENT_VALUE);
    static final List<String> DRAFT_FIELDS = List.of(PERIOD_START, PERIOD_END, DEDUCT_DOWN_PAYMENTS);

    /** The Timesheets Period a person gave (none: all work dates), checked as a date each. */
    static TimesheetsPeriod period(DelegateExecution execution) {
        return new TimesheetsPeriod(FormValues.date(execution.getVariable(PERIOD_START), "The period start"),
                FormValues.date(execution.getVariable(PERIOD_END), "The period end"));
    }

    /**
     * The invoice this order's process is working on. It must bill the instance's order (its
     * business key): anything else means the instance was tampered with, a technical failure.
     */
    static Invoice invoiceOfThisOrder(DelegateExecution execution, InvoiceRepository invoices) {
        Long id = (Long) execution.getVariable(INVOICE_ID);
        Invoice invoice = id == null ? null : invoices.findById(id).orElse(null);
        if (invoice == null || !invoice.bills(execution.getProcessBusinessKey())) {
            throw new IllegalStateException("Invoice %s is not one of order %s".formatted(id,
                    execution.getProcessBusinessKey()));
        }
        return invoice;
    }

    /**
     * A money step's own precondition: the person who decided it at the step before (approved the
     * draft, asked for the credit) is an accountant. Anything else means the model was changed to
     * reach money another way: a technical failure, not a refusal.
     */
    static void requireAccounting(DelegateExecution execution, String decidedBy, String decision) {
        if (decidedBy == null || execution.getProcessEngineServices().getIdentityService().createUserQuery()
                .userId(decidedBy).memberOfGroup(Groups.ACCOUNTING).count() == 0) {
            throw new IllegalStateException("%s of %s was not decided by accounting"
                    .formatted(decision, execution.getProcessBusinessKey()));
        }
    }

    /** What posting did, as the next form says it: "Invoice INV/2026/00001 posted: 1210.00 EUR (invoice), tax included. …". */
    static String posted(Invoice posted, Company company) {
        String what = posted.getMoveType() == Invoice.MoveType.INVOICE ? "Invoice %s posted".formatted(posted.getNumber())
                : posted.getReversedInvoice() == null ? "Credit note %s posted".formatted(posted.getNumber())
                : "Credit note %s posted for %s".formatted(posted.getNumber(), posted.getReversedInvoice().getNumber());
        return "%s: %s, tax included. It is being printed and mailed to the customer; the Invoices page shows it."
                .formatted(what, total(posted, company));
    }

    /** The total as the person reads it: "1089.00 EUR (invoice)", "121.00 EUR (credit note)". */
    static String total(Invoice invoice, Company company) {
        return "%s %s (%s)".formatted(invoice.shown(invoice.getAmountTotal()).toPlainString(), company.currency(),
                invoice.getMoveType() == Invoice.MoveType.CREDIT_NOTE ? "credit note"
                        : invoice.isSettlement() ? "final statement: the down payments settle the order" : "invoice");
    }

    private InvoicingVariables() {
    }
}

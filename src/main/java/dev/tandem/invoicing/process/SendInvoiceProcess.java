package dev.tandem.invoicing.process;

import java.util.List;
import java.util.Map;

import dev.tandem.common.ProcessInputs;

/** Key and variables of processes/send-invoice.bpmn: one posted invoice printed and mailed. */
public final class SendInvoiceProcess {

    public static final String KEY = "send-invoice";

    /**
     * Started by Tandem only (an invoice run), never by a person: no start event is theirs to use.
     * Variables: {@link InvoicingVariables#INVOICE_ID} and the run's {@link InvoiceRunProcess#RUN_NUMBER}.
     */
    /**
     * The step that hands the queued mail to the SMTP server, with the same id in every process
     * that issues invoices; a mail sent again starts there.
     */
    public static final String SEND_STEP_ID = "serviceTask_sendInvoice";
    /** The step that prints and queues the mail, with the same id in every process that issues invoices. */
    public static final String PRINT_STEP_ID = "serviceTask_printInvoice";

    public static final ProcessInputs INPUTS = new ProcessInputs(KEY, null, List.of(), Map.of());

    private SendInvoiceProcess() {
    }
}

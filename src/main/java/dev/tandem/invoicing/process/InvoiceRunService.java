package dev.tandem.invoicing.process;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.hibernate.Hibernate;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.common.ActingUser;
import dev.tandem.common.BillingException;
import dev.tandem.invoicing.Invoice;
import dev.tandem.invoicing.InvoiceRepository;
import dev.tandem.invoicing.InvoiceRunSkip;
import dev.tandem.invoicing.InvoiceRunSkipRepository;
import dev.tandem.invoicing.InvoiceRuns;

/**
 * Invoice runs as the To-Invoice page starts and follows them: a run is the invoice-run process,
 * started in the accountant's name, and its progress is counted in Tandem's tables.
 */
@Service
public class InvoiceRunService {

    /** How many invoices and skipped orders a run's page lists; the counts cover them all. */
    public static final int LISTED = 200;

    /**
     * What a run has done so far, the invoices whose printing or mail gave up (an incident), and
     * the first invoices and skipped orders.
     */
    public record Progress(String number, boolean finished, InvoiceRuns.Progress counts, long incidents,
                           List<Invoice> invoices, List<InvoiceRunSkip> skipped) {
    }

    private final RuntimeService runtime;
    private final HistoryService history;
    private final ActingUser acting;
    private final InvoiceRuns runs;
    private final InvoiceRepository invoices;
    private final InvoiceRunSkipRepository runSkips;

    InvoiceRunService(RuntimeService runtime, HistoryService history, ActingUser acting, InvoiceRuns runs,
                      InvoiceRepository invoices, InvoiceRunSkipRepository runSkips) {
        this.runtime = runtime;
        this.history = history;
        this.acting = acting;
        this.runs = runs;
        this.invoices = invoices;
        this.runSkips = runSkips;
    }

    /** Starts a run over the chosen orders in the accountant's name; its number. */
    public String start(String userId, List<Long> orderIds, boolean consolidated, LocalDate periodStart,
                        LocalDate periodEnd) {
        if (orderIds == null || orderIds.isEmpty()) {
            throw new BillingException("Choose at least one order to invoice.");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(InvoiceRunProcess.ORDER_IDS, new ArrayList<>(orderIds));
        variables.put(InvoiceRunProcess.CONSOLIDATED, consolidated);
        variables.put(InvoicingVariables.PERIOD_START, periodStart == null ? null : periodStart.toString());
        variables.put(InvoicingVariables.PERIOD_END, periodEnd == null ? null : periodEnd.toString());
        return acting.as(userId, () -> runtime.startProcessInstanceByKey(InvoiceRunProcess.KEY, variables))
                .getBusinessKey();
    }

    /** How far a run got; empty for a number that names no run. */
    @Transactional(readOnly = true)
    public Optional<Progress> progress(String number) {
        HistoricProcessInstance run = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(InvoiceRunProcess.KEY).processInstanceBusinessKey(number).singleResult();
        if (run == null) {
            return Optional.empty();
        }
        boolean finished = history.createHistoricVariableInstanceQuery().processInstanceId(run.getId())
                .variableName(InvoiceRunProcess.INVOICES_SENT).count() > 0;
        long incidents = runtime.createProcessInstanceQuery().processDefinitionKey(SendInvoiceProcess.KEY)
                .variableValueEquals(InvoiceRunProcess.RUN_NUMBER, number).withIncident().count();
        List<Invoice> listed = invoices.findByRunWithCustomer(number, PageRequest.of(0, LISTED));
        listed.forEach(invoice -> Hibernate.initialize(invoice.getOrders()));
        return Optional.of(new Progress(number, finished, runs.progress(number), incidents, listed,
                runSkips.findByInvoiceRunOrderByOrderNumber(number, PageRequest.of(0, LISTED))));
    }
}

package dev.tandem.invoicing;

import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tandem.common.BillingException;
import dev.tandem.common.StepInput;
import dev.tandem.invoicing.process.InvoiceRunProcess;
import dev.tandem.invoicing.process.InvoicingVariables;
import dev.tandem.invoicing.process.SendInvoiceProcess;
import dev.tandem.security.ActingUser;

/**
 * The To-Invoice page: what accounting can invoice now, and the invoice runs it starts. A run is
 * the invoice-run process, started in the accountant's name; its page follows it while it works.
 */
@Controller
@RequestMapping("/tandem")
class ToInvoiceController {

    private final ToInvoiceList toInvoice;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final ActingUser acting;
    private final InvoiceRepository invoices;
    private final InvoiceRunSkipRepository runSkips;
    private final InvoiceRuns runs;

    ToInvoiceController(ToInvoiceList toInvoice, RuntimeService runtime, HistoryService history,
                        ActingUser acting, InvoiceRepository invoices, InvoiceRunSkipRepository runSkips,
                        InvoiceRuns runs) {
        this.runSkips = runSkips;
        this.runs = runs;
        this.toInvoice = toInvoice;
        this.runtime = runtime;
        this.history = history;
        this.acting = acting;
        this.invoices = invoices;
    }

    /** A page of the list, optionally of the customers whose name contains a text and of time worked up to a day. */
    @GetMapping("/to-invoice")
    String list(@RequestParam(name = "page", defaultValue = "0") int page,
                @RequestParam(name = "customer", required = false) String customer,
                @RequestParam(name = "upTo", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                LocalDate upTo, Model model) {
        String filter = customer == null ? null : customer.substring(0, Math.min(customer.length(), StepInput.NAME));
        model.addAttribute("list", toInvoice.page(page, filter, upTo));
        return "invoicing/to-invoice";
    }

    @PostMapping("/to-invoice")
    String createInvoices(@RequestParam(name = "orderIds", required = false) List<Long> orderIds,
                          @RequestParam(name = "consolidated", defaultValue = "false") boolean consolidated,
                          @RequestParam(name = "periodStart", required = false)
                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodStart,
                          @RequestParam(name = "periodEnd", required = false)
                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodEnd,
                          Principal user, RedirectAttributes flash) {
        if (orderIds == null || orderIds.isEmpty()) {
            flash.addFlashAttribute("error", "Choose at least one order to invoice.");
            return "redirect:/tandem/to-invoice";
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(InvoiceRunProcess.ORDER_IDS, new ArrayList<>(orderIds));
        variables.put(InvoiceRunProcess.CONSOLIDATED, consolidated);
        variables.put(InvoicingVariables.PERIOD_START, periodStart == null ? null : periodStart.toString());
        variables.put(InvoicingVariables.PERIOD_END, periodEnd == null ? null : periodEnd.toString());
        try {
            ProcessInstance run = acting.as(user.getName(),
                    () -> runtime.startProcessInstanceByKey(InvoiceRunProcess.KEY, variables));
            flash.addFlashAttribute("message", "Invoice run %s started.".formatted(run.getBusinessKey()));
            return "redirect:/tandem/invoice-runs/" + run.getBusinessKey();
        } catch (BillingException | ProcessEngineException refused) {
            flash.addFlashAttribute("error", refused.getMessage());
            return "redirect:/tandem/to-invoice";
        }
    }

    /** How many invoices and skipped orders a run's page lists; the counts cover them all. */
    static final int LISTED = 200;

    /**
     * What a run has done so far, counted in Tandem's tables, the invoices whose printing or mail
     * gave up (an incident), and the first invoices and skipped orders.
     */
    record Progress(String number, boolean finished, InvoiceRuns.Progress counts, long incidents,
                    List<Invoice> invoices, List<InvoiceRunSkip> skipped) {
    }

    @GetMapping("/invoice-runs/{number}")
    String run(@PathVariable String number, Model model) {
        HistoricProcessInstance run = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(InvoiceRunProcess.KEY).processInstanceBusinessKey(number).singleResult();
        if (run == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown invoice run " + number + ".");
        }
        boolean finished = history.createHistoricVariableInstanceQuery().processInstanceId(run.getId())
                .variableName(InvoiceRunProcess.INVOICES_SENT).count() > 0;
        long incidents = runtime.createProcessInstanceQuery().processDefinitionKey(SendInvoiceProcess.KEY)
                .variableValueEquals(InvoiceRunProcess.RUN_NUMBER, number).withIncident().count();
        model.addAttribute("run", new Progress(number, finished, runs.progress(number), incidents,
                invoices.findByRunWithCustomer(number, PageRequest.of(0, LISTED)),
                runSkips.findByInvoiceRunOrderByOrderNumber(number, PageRequest.of(0, LISTED))));
        return "invoicing/invoice-run";
    }
}

package dev.tandem.invoicing;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
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
import dev.tandem.invoicing.process.InvoiceRunService;

/**
 * The To-Invoice page: what accounting can invoice now, and the invoice runs it starts. A run is
 * the invoice-run process, started in the accountant's name; its page follows it while it works.
 */
@Controller
@RequestMapping("/tandem")
class ToInvoiceController {

    private final ToInvoiceList toInvoice;
    private final InvoiceRunService runs;

    ToInvoiceController(ToInvoiceList toInvoice, InvoiceRunService runs) {
        this.toInvoice = toInvoice;
        this.runs = runs;
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
        try {
            String run = runs.start(user.getName(), orderIds, consolidated, periodStart, periodEnd);
            flash.addFlashAttribute("message", "Invoice run %s started.".formatted(run));
            return "redirect:/tandem/invoice-runs/" + run;
        } catch (BillingException | ProcessEngineException refused) {
            flash.addFlashAttribute("error", refused.getMessage());
            return "redirect:/tandem/to-invoice";
        }
    }

    @GetMapping("/invoice-runs/{number}")
    String run(@PathVariable String number, Model model) {
        model.addAttribute("run", runs.progress(number).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown invoice run " + number + ".")));
        return "invoicing/invoice-run";
    }
}

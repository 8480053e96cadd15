package dev.tandem.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import dev.tandem.common.BillingException;
import dev.tandem.common.Company;
import dev.tandem.common.StepInput;
import dev.tandem.invoicing.process.InvoiceMailing;
import dev.tandem.common.Groups;

/**
 * The Invoices pages: the search over every invoice and credit note, one document's page, its PDF,
 * and <em>Send again</em>. Accounting and administrators use them; auditors read them.
 */
@Controller
@RequestMapping("/tandem/invoices")
class InvoicesController {

    private final InvoiceRecords records;
    private final InvoiceMailing mailing;
    private final InvoiceRepository invoices;
    private final Company company;

    InvoicesController(InvoiceRecords records, InvoiceMailing mailing, InvoiceRepository invoices, Company company) {
        this.company = company;
        this.records = records;
        this.mailing = mailing;
        this.invoices = invoices;
    }

    /** The search; a value that cannot be read is named on the page and the search runs without it. */
    @GetMapping
    String search(@RequestParam(name = "number", required = false) String number,
                  @RequestParam(name = "customer", required = false) String customer,
                  @RequestParam(name = "order", required = false) String order,
                  @RequestParam(name = "state", required = false) String state,
                  @RequestParam(name = "from", required = false) String from,
                  @RequestParam(name = "to", required = false) String to,
                  @RequestParam(name = "min", required = false) String min,
                  @RequestParam(name = "max", required = false) String max,
                  @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        List<String> unreadable = new ArrayList<>();
        InvoiceRecords.Filter filter = new InvoiceRecords.Filter(text(number), text(customer), text(order),
                state(state, unreadable), date(from, "From", unreadable), date(to, "To", unreadable),
                amount(min, "Amount from", unreadable), amount(max, "Amount to", unreadable));
        model.addAttribute("found", records.search(filter, page));
        model.addAttribute("states", Invoice.State.values());
        model.addAttribute("unreadable", unreadable);
        return "invoicing/invoices";
    }

    @GetMapping("/{id}")
    String invoice(@PathVariable long id, Authentication user, Model model) {
        model.addAttribute("record", records.of(known(id)));
        model.addAttribute("zone", company.timeZone());
        model.addAttribute("canSend", user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(group -> group.equals(Groups.ACCOUNTING) || group.equals(Groups.ADMINISTRATORS)));
        return "invoicing/invoice";
    }

    /** The PDF the customer got, or the document printed now (a draft as a preview). */
    @GetMapping("/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        InvoiceRecords.Pdf pdf = records.pdf(known(id));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(pdf.fileName()).build().toString())
                .body(pdf.content());
    }

    @PostMapping("/{id}/send-again")
    String sendAgain(@PathVariable long id, @RequestParam(name = "seen", defaultValue = "") String seen,
                     RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("message", mailing.sendAgain(known(id), seen));
        } catch (BillingException refused) {
            flash.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/tandem/invoices/" + id;
    }

    private long known(long id) {
        if (!invoices.existsById(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no invoice " + id + ".");
        }
        return id;
    }

    private static String text(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.substring(0, Math.min(trimmed.length(), StepInput.NAME));
    }

    private static Invoice.State state(String value, List<String> unreadable) {
        if (text(value) == null) {
            return null;
        }
        try {
            return Invoice.State.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            unreadable.add("State: no state is called \"%s\" (draft, posted or cancelled).".formatted(text(value)));
            return null;
        }
    }

    private static LocalDate date(String value, String field, List<String> unreadable) {
        if (text(value) == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            unreadable.add("%s: \"%s\" is not a date (year-month-day, e.g. 2026-12-31).".formatted(field, text(value)));
            return null;
        }
    }

    private static final BigDecimal LARGEST = new BigDecimal("999999999999.99");

    private static BigDecimal amount(String value, String field, List<String> unreadable) {
        if (text(value) == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value.trim());
            if (amount.abs().compareTo(LARGEST) <= 0 && amount.scale() <= 2) {
                return amount;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        unreadable.add("%s: \"%s\" is not an amount (e.g. 1250.50).".formatted(field, text(value)));
        return null;
    }
}

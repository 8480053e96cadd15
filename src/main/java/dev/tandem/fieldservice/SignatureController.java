package dev.tandem.fieldservice;

import java.util.Base64;

import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
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
import dev.tandem.fieldservice.process.FieldTaskSteps;
import dev.tandem.common.Groups;

/**
 * The customer signs the worksheet on the technician's device: the page shows what they sign, a
 * signature pad and their name. Signing stores the drawing and completes "Customer signs"; the
 * signed report is then one link away.
 */
@Controller
@RequestMapping("/tandem/field-tasks/{number}")
class SignatureController {

    private static final String PNG_DATA_URL = "data:image/png;base64,";

    private final WorksheetReport report;
    private final FieldTaskSteps steps;

    SignatureController(WorksheetReport report, FieldTaskSteps steps) {
        this.report = report;
        this.steps = steps;
    }

    @GetMapping("/signature")
    public String page(@PathVariable String number, Authentication user, Model model) {
        ownTask(number, user, false);
        model.addAttribute("sheet", steps.signatureSheet(number));
        return "fieldservice/signature";
    }

    @PostMapping("/signature")
    public String sign(@PathVariable String number, @RequestParam(defaultValue = "") String signerName,
                       @RequestParam(defaultValue = "") String signature, Authentication user,
                       RedirectAttributes flash) {
        ownTask(number, user, false);
        try {
            steps.sign(number, signerName, png(signature), user.getName());
            flash.addFlashAttribute("message", "Signed by %s. Thank you.".formatted(signerName.strip()));
        } catch (BillingException | ProcessEngineException refused) {
            flash.addFlashAttribute("error", refused.getMessage());
            flash.addFlashAttribute("signerName", signerName);
        }
        return "redirect:/tandem/field-tasks/{number}/signature";
    }

    @GetMapping("/report.pdf")
    public ResponseEntity<byte[]> report(@PathVariable String number, Authentication user) {
        ownTask(number, user, true);
        byte[] pdf = report.pdf(number);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(report.fileName(number)).build().toString())
                .body(pdf);
    }

    /**
     * Technicians reach only their own tasks; accounting and administrators may read any report.
     * Anything else is answered as unknown, so as not to tell which tasks exist.
     */
    private void ownTask(String number, Authentication user, boolean reportOnly) {
        boolean office = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(group -> group.equals(Groups.ACCOUNTING) || group.equals(Groups.ADMINISTRATORS));
        if (reportOnly && office) {
            return;
        }
        try {
            steps.checkTechnician(number, user.getName());
        } catch (BillingException unknown) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, unknown.getMessage());
        }
    }

    /** The drawing as the page sends it: a PNG data URL; anything else is refused by the service. */
    private static byte[] png(String dataUrl) {
        if (!dataUrl.startsWith(PNG_DATA_URL)) {
            return new byte[0];
        }
        try {
            return Base64.getDecoder().decode(dataUrl.substring(PNG_DATA_URL.length()));
        } catch (IllegalArgumentException notBase64) {
            throw new BillingException("The signature is not a PNG image.");
        }
    }
}

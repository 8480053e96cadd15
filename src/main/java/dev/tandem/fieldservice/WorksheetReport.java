package dev.tandem.fieldservice;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import dev.tandem.common.Company;
import dev.tandem.common.PdfPrinter;
import dev.tandem.outbox.Outbox;
import dev.tandem.timesheets.TimesheetEntry;

/**
 * The worksheet report the customer receives: the work, the time (amendments apart), the
 * materials, the answers and every signature with the SHA-256 it covers. Rendered from
 * {@code templates/fieldservice/report.html} and printed to PDF.
 */
@Service
@Transactional(readOnly = true)
public class WorksheetReport {

    private static final DateTimeFormatter SIGNED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A signature as printed: the drawing as a data URI and the time in the company's time zone. */
    public record PrintedSignature(String signerName, String signedAt, String contentSha256, String imageDataUri) {
    }

    private final WorksheetService worksheets;
    private final ITemplateEngine templates;
    private final Company company;
    private final PdfPrinter printer;
    private final Outbox outbox;

    WorksheetReport(WorksheetService worksheets, ITemplateEngine templates, Company company, PdfPrinter printer,
                    Outbox outbox) {
        this.outbox = outbox;
        this.worksheets = worksheets;
        this.templates = templates;
        this.company = company;
        this.printer = printer;
    }

    /** Prints the report and queues its mail to the customer: signed, or amended after signing; the mail's id. */
    @Transactional
    public Long send(FieldTask task, boolean amendment) {
        String body = """
                Dear %s,

                please find attached the %s of our intervention %s at %s.

                Kind regards,
                %s
                """.formatted(task.getCustomer().getName(),
                amendment ? "amended worksheet report" : "signed worksheet report", task.getNumber(),
                task.getSite() == null ? "your site" : task.getSite(), company.name());
        return outbox.queue(task.getCustomer().mailAddress(),
                "%s %s from %s".formatted(amendment ? "Amended worksheet" : "Worksheet", task.getNumber(), company.name()),
                body, fileName(task.getNumber()), pdf(task.getNumber())).getId();
    }

    public String fileName(String taskNumber) {
        return "worksheet-" + taskNumber + ".pdf";
    }

    public byte[] pdf(String taskNumber) {
        return printer.print(html(taskNumber), "Worksheet report " + taskNumber);
    }

    public String html(String taskNumber) {
        Worksheet worksheet = worksheets.of(taskNumber);
        List<TimesheetEntry> time = worksheets.time(worksheet);
        Context context = new Context();
        context.setVariable("company", company);
        context.setVariable("task", worksheet.getFieldTask());
        context.setVariable("worksheet", worksheet);
        context.setVariable("time", time.stream().filter(entry -> !entry.isAmendment()).toList());
        context.setVariable("amendments", time.stream().filter(TimesheetEntry::isAmendment).toList());
        context.setVariable("signatures", worksheet.getSignatures().stream().map(this::printed).toList());
        context.setVariable("currentSha256", WorksheetService.sha256(worksheets.content(worksheet)));
        context.setVariable("covered", worksheets.signatureCoversContent(worksheet));
        return templates.process("fieldservice/report", context);
    }

    private PrintedSignature printed(WorksheetSignature signature) {
        return new PrintedSignature(signature.getSignerName(), localTime(signature.getSignedAt()),
                signature.getContentSha256(),
                "data:image/png;base64," + Base64.getEncoder().encodeToString(signature.getSignaturePng()));
    }

    /** A moment as the company reads it: local date and time, with the zone named. */
    public String localTime(Instant instant) {
        return SIGNED_AT.format(instant.atZone(company.timeZone())) + " (" + company.timeZone() + ")";
    }
}

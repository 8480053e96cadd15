package dev.tandem.fieldservice;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.common.BillingException;
import dev.tandem.common.NotFound;
import dev.tandem.sales.SalesOrderLine;
import dev.tandem.timesheets.TimesheetEntry;
import dev.tandem.timesheets.TimesheetEntryRepository;
import dev.tandem.timesheets.TimesheetTarget;

/**
 * The worksheet of a field task and the customer's signature on it. A signature keeps the
 * worksheet's text ({@link #content}) and its SHA-256; a worksheet can be signed again only once
 * time was added after the last signature.
 */
@Service
@Transactional(noRollbackFor = BillingException.class)
public class WorksheetService {

    /** A canvas of a phone or tablet, as PNG, is far smaller; anything larger is not a signature. */
    static final int MAX_SIGNATURE_BYTES = 1_000_000;
    /** Width and height: a signature pad is a few hundred pixels. */
    static final int MAX_SIGNATURE_SIDE = 4000;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final WorksheetRepository worksheets;
    private final FieldTaskRepository tasks;
    private final TimesheetEntryRepository entries;
    private final Clock clock;

    WorksheetService(WorksheetRepository worksheets, FieldTaskRepository tasks, TimesheetEntryRepository entries,
                     Clock clock) {
        this.worksheets = worksheets;
        this.tasks = tasks;
        this.entries = entries;
        this.clock = clock;
    }

    /** The task's worksheet, empty (and not stored) until the technician fills it. */
    @Transactional(readOnly = true)
    public Worksheet of(FieldTask task) {
        return worksheets.findById(task.getId()).orElseGet(() -> new Worksheet(task));
    }

    /**
     * What the task's time is logged on: its order line, and whether the customer signed already
     * (time added after the signature is an amendment, invoiced on its own).
     */
    @Transactional(readOnly = true, noRollbackFor = BillingException.class)
    public TimesheetTarget timeTarget(Long taskId) {
        FieldTask task = tasks.findById(taskId).orElseThrow(() -> NotFound.of("field task", taskId));
        return new TimesheetTarget.FieldTask(task.getId(), task.getTimeLine().map(SalesOrderLine::getId).orElse(null),
                of(task).isSigned());
    }

    /** The task's worksheet, stored so that answers, materials and signatures can be added. */
    Worksheet stored(FieldTask task) {
        return worksheets.findById(task.getId()).orElseGet(() -> worksheets.save(new Worksheet(task)));
    }

    @Transactional(readOnly = true)
    public Worksheet of(String taskNumber) {
        return of(task(taskNumber));
    }

    private FieldTask task(String taskNumber) {
        return tasks.findByNumber(taskNumber).orElseThrow(() -> NotFound.of("field task", taskNumber));
    }

    /** The technician's answers; refused once the customer signed them. */
    public Worksheet answer(Long taskId, String answers) {
        FieldTask task = tasks.findById(taskId).orElseThrow(() -> NotFound.of("field task", taskId));
        String given = answers == null || answers.isBlank() ? null : answers.strip();
        if (given != null && given.length() > 4000) {
            throw new BillingException("The worksheet answers are limited to 4000 characters.");
        }
        Worksheet current = of(task);
        if (current.isSigned() && !Objects.equals(given, current.getAnswers())) {
            throw new BillingException("Worksheet %s is signed: its answers can no longer change."
                    .formatted(task.getNumber()));
        }
        Worksheet worksheet = stored(task);
        worksheet.answer(given);
        return worksheet;
    }

    /**
     * The customer signs the worksheet as it is now. Refused without a name or a drawing, and when
     * the worksheet is already signed as it is: a second signature needs an amendment first.
     */
    public WorksheetSignature sign(String taskNumber, String signerName, byte[] signaturePng) {
        FieldTask task = task(taskNumber);
        if (signerName == null || signerName.isBlank()) {
            throw new BillingException("Write the name of the person who signs.");
        }
        if (signerName.strip().length() > 200) {
            throw new BillingException("The signer's name is limited to 200 characters.");
        }
        checkDrawing(signaturePng);
        if (signatureCoversContent(of(task))) {
            throw new BillingException("Worksheet %s is already signed; it can be signed again only after it was amended."
                    .formatted(taskNumber));
        }
        Worksheet worksheet = stored(task);
        WorksheetSignature signature = new WorksheetSignature(worksheet, signerName.strip(), signaturePng,
                clock.instant(), content(worksheet), lastEntryId(worksheet));
        worksheet.add(signature);
        worksheet.getFieldTask().signed();
        return signature;
    }

    /**
     * "Customer signs" is done: the worksheet is signed, and its last signature covers it unless
     * the technician says the customer is not there to sign an amendment (the first signature can
     * never be skipped).
     */
    @Transactional(readOnly = true, noRollbackFor = BillingException.class)
    public void requireSigned(FieldTask task, boolean amendmentUnsigned) {
        Worksheet worksheet = of(task);
        if (!worksheet.isSigned()) {
            throw new BillingException("The customer has not signed the worksheet yet: open the signature page and let them sign.");
        }
        if (!amendmentUnsigned && !signatureCoversContent(worksheet)) {
            throw new BillingException("Time was added since the customer signed: let them sign again, or tick that they are not here.");
        }
    }

    /**
     * Whether the last signature covers the worksheet: false when unsigned, or once time was added
     * after it (an amendment). Answers and materials cannot change after signing, and editing an
     * entry's text or a name elsewhere does not reopen signing.
     */
    @Transactional(readOnly = true)
    public boolean signatureCoversContent(Worksheet worksheet) {
        Long newest = lastEntryId(worksheet);
        return worksheet.lastSignature()
                .filter(last -> newest == null || (last.getLastEntryId() != null && newest <= last.getLastEntryId()))
                .isPresent();
    }

    private Long lastEntryId(Worksheet worksheet) {
        return time(worksheet).stream().map(TimesheetEntry::getId).max(Long::compare).orElse(null);
    }

    @Transactional(readOnly = true)
    public List<TimesheetEntry> time(Worksheet worksheet) {
        return entries.findByFieldTaskIdOrderByWorkDateAscIdAsc(worksheet.getFieldTask().getId());
    }

    /**
     * What a signature covers, as plain text: the task, every timesheet entry on it (amendments
     * marked), the materials used and the answers. Its SHA-256 is printed on the report.
     */
    @Transactional(readOnly = true)
    public String content(Worksheet worksheet) {
        FieldTask task = worksheet.getFieldTask();
        StringBuilder text = new StringBuilder()
                .append("Worksheet ").append(task.getNumber()).append('\n')
                .append("Customer: ").append(task.getCustomer().getName()).append('\n')
                .append("Site: ").append(nullToEmpty(task.getSite())).append('\n')
                .append("Work requested: ").append(nullToEmpty(task.getDescription())).append('\n')
                .append("Time:\n");
        for (TimesheetEntry entry : time(worksheet)) {
            text.append("- ").append(entry.getWorkDate()).append(' ').append(entry.getEmployee().getName())
                    .append(": ").append(entry.getActualMinutes()).append(" min actual, ")
                    .append(entry.getBilledMinutes()).append(" min billed; ").append(entry.getDescription())
                    .append(entry.isAmendment() ? " [amendment]" : "").append('\n');
        }
        text.append("Materials:\n");
        for (SalesOrderLine line : worksheet.getMaterials()) {
            text.append("- ").append(line.getOrderedQuantity().stripTrailingZeros().toPlainString()).append(" x ")
                    .append(line.getProduct().getName()).append(" (").append(line.getProduct().getCode())
                    .append(")\n");
        }
        return text.append("Answers:\n").append(nullToEmpty(worksheet.getAnswers())).append('\n').toString();
    }

    public static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** A PNG with at least one drawn (neither transparent nor white) pixel. */
    private static void checkDrawing(byte[] png) {
        if (png == null || png.length == 0) {
            throw new BillingException("Draw the signature before signing.");
        }
        if (png.length > MAX_SIGNATURE_BYTES) {
            throw new BillingException("The signature image is too large.");
        }
        BufferedImage image;
        try {
            if (!Arrays.equals(png, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length)) {
                throw new IOException("not a PNG");
            }
            image = decode(png);
        } catch (IOException unreadable) {
            image = null;
        }
        if (image == null) {
            throw new BillingException("The signature is not a PNG image.");
        }
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                boolean transparent = (argb >>> 24) == 0;
                boolean white = (argb & 0xFFFFFF) == 0xFFFFFF;
                if (!transparent && !white) {
                    return;
                }
            }
        }
        throw new BillingException("Draw the signature before signing.");
    }

    /** Decodes the PNG after checking its size: a small file can claim a huge image. */
    private static BufferedImage decode(byte[] png) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input);
                if (reader.getWidth(0) > MAX_SIGNATURE_SIDE || reader.getHeight(0) > MAX_SIGNATURE_SIDE) {
                    throw new BillingException("The signature image is too large.");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}

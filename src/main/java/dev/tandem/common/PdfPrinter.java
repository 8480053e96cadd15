package dev.tandem.common;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.Level;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

/**
 * Prints an XHTML page rendered from a Thymeleaf template to PDF (invoices, worksheet reports),
 * with embedded fonts, so every name prints in its own script: DejaVu Sans (condensed, about as wide
 * as the usual Helvetica) for Latin, Greek,
 * Cyrillic, Hebrew and Arabic (right to left, letters joined), and a fallback font for Chinese,
 * Japanese and Korean ({@code tandem.documents.fallback-font}, Debian's Droid Sans Fallback).
 */
@Component
public class PdfPrinter {

    private static final Logger LOG = LoggerFactory.getLogger(PdfPrinter.class);
    private static final String DEJAVU = "/net/sf/jasperreports/fonts/dejavu/";
    private static final IcuBidi BIDI = new IcuBidi();

    static {
        // openhtmltopdf reports every step at INFO on java.util.logging; only problems are news.
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
    }

    private final File fallbackFont;

    PdfPrinter(@Value("${tandem.documents.fallback-font}") File fallbackFont) {
        this.fallbackFont = fallbackFont;
        if (!fallbackFont.canRead()) {
            LOG.warn("No font for Chinese, Japanese and Korean at {}: such text prints as '#' in documents "
                    + "(install Debian's fonts-droid-fallback or set tandem.documents.fallback-font)", fallbackFont);
        }
    }

    public byte[] print(String xhtml, String documentName) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder().useFastMode();
            dejaVu(builder, "DejaVuSansCondensed.ttf", "DejaVu Sans Condensed", 400, FontStyle.NORMAL);
            dejaVu(builder, "DejaVuSansCondensed-Bold.ttf", "DejaVu Sans Condensed", 700, FontStyle.NORMAL);
            dejaVu(builder, "DejaVuSansCondensed-Oblique.ttf", "DejaVu Sans Condensed", 400, FontStyle.OBLIQUE);
            dejaVu(builder, "DejaVuSansCondensed-BoldOblique.ttf", "DejaVu Sans Condensed", 700, FontStyle.OBLIQUE);
            dejaVu(builder, "DejaVuSansMono.ttf", "DejaVu Sans Mono", 400, FontStyle.NORMAL);
            if (fallbackFont.canRead()) {
                builder.useFont(fallbackFont, "Droid Sans Fallback");
            }
            builder.useUnicodeBidiSplitter(BIDI).useUnicodeBidiReorderer(BIDI)
                    .withHtmlContent(xhtml, null)
                    .toStream(out)
                    .run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(documentName + " could not be printed", e);
        }
    }

    private static void dejaVu(PdfRendererBuilder builder, String file, String family, int weight, FontStyle style) {
        builder.useFont(() -> font(file), family, weight, style, true);
    }

    private static InputStream font(String file) {
        InputStream font = PdfPrinter.class.getResourceAsStream(DEJAVU + file);
        if (font == null) {
            throw new IllegalStateException("Font " + file + " is missing from the classpath");
        }
        return font;
    }
}

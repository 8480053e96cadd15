package dev.tandem.common;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Level;

import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
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
        // Images (a customer's drawn signature) are read in memory: by default ImageIO copies each
        // one to a temporary file first.
        ImageIO.setUseCache(false);
    }

    /** A font Tandem embeds: its file's bytes, read once, and how CSS names it. */
    private record Font(String name, byte[] bytes, String family, int weight, FontStyle style, boolean fallback) {
    }

    /** Sets of parsed fonts kept for the next documents: as many as documents are usually printed at once. */
    private static final int POOLED = 8;

    /**
     * The fonts, parsed: parsing a TrueType file was a third of a PDF's work, and a parsed font must
     * not be read by two documents at once. A set is borrowed for one document and given back, so
     * there are as many sets as PDFs printed at once; up to {@link #POOLED} are kept between them.
     */
    private final List<Font> fonts = new ArrayList<>();
    private final Queue<Map<Font, TrueTypeFont>> parsed = new ConcurrentLinkedQueue<>();

    PdfPrinter(@Value("${tandem.documents.fallback-font}") File fallbackFont) {
        dejaVu("DejaVuSansCondensed.ttf", "DejaVu Sans Condensed", 400, FontStyle.NORMAL);
        dejaVu("DejaVuSansCondensed-Bold.ttf", "DejaVu Sans Condensed", 700, FontStyle.NORMAL);
        dejaVu("DejaVuSansCondensed-Oblique.ttf", "DejaVu Sans Condensed", 400, FontStyle.OBLIQUE);
        dejaVu("DejaVuSansCondensed-BoldOblique.ttf", "DejaVu Sans Condensed", 700, FontStyle.OBLIQUE);
        dejaVu("DejaVuSansMono.ttf", "DejaVu Sans Mono", 400, FontStyle.NORMAL);
        if (fallbackFont.canRead()) {
            try {
                fonts.add(new Font(fallbackFont.getName(), Files.readAllBytes(fallbackFont.toPath()), "Droid Sans Fallback",
                        400, FontStyle.NORMAL, true));
            } catch (IOException e) {
                throw new UncheckedIOException("The fallback font " + fallbackFont + " cannot be read", e);
            }
        } else {
            LOG.warn("No font for Chinese, Japanese and Korean at {}: such text prints as '#' in documents "
                    + "(install Debian's fonts-droid-fallback or set tandem.documents.fallback-font)", fallbackFont);
        }
    }

    public byte[] print(String xhtml, String documentName) {
        Map<Font, TrueTypeFont> ready = borrowFonts();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); PDDocument document = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder().useFastMode().usePDDocument(document);
            // Measuring a font for the layout embeds it, and the fallback font has 50,000 glyphs: it is
            // offered only to documents with a character DejaVu lacks (Chinese, Japanese, Korean).
            CmapLookup dejaVu = ready.values().iterator().next().getUnicodeCmapLookup();
            boolean needsFallback = xhtml.codePoints().anyMatch(c -> c > 0x7F && dejaVu.getGlyphId(c) == 0);
            ready.forEach((font, parsedFont) -> {
                if (!font.fallback() || needsFallback) {
                    builder.useFont(new EmbeddedOnUse(document, parsedFont), font.family(), font.weight(), font.style(),
                            true);
                }
            });
            builder.useUnicodeBidiSplitter(BIDI).useUnicodeBidiReorderer(BIDI)
                    .withW3cDocument(parse(xhtml, documentName), null)
                    .toStream(out)
                    .run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(documentName + " could not be printed", e);
        } finally {
            if (parsed.size() < POOLED) {
                parsed.offer(ready);
            }
        }
    }

    /**
     * The page as a DOM, from a parser factory made once: handed the text, the renderer would look
     * up an XML parser on the class path for every document, a tenth of a PDF's work. Thymeleaf
     * writes well-formed XHTML; nothing in it is fetched from outside (no DTD, no entities).
     */
    private static org.w3c.dom.Document parse(String xhtml, String documentName) {
        try {
            return XHTML.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException(documentName + " is not well-formed XHTML", e);
        }
    }

    private static final DocumentBuilderFactory XHTML = xhtmlParsers();

    private static DocumentBuilderFactory xhtmlParsers() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The XML parser cannot be made safe", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    private Map<Font, TrueTypeFont> borrowFonts() {
        Map<Font, TrueTypeFont> ready = parsed.poll();
        if (ready != null) {
            return ready;
        }
        Map<Font, TrueTypeFont> fresh = new LinkedHashMap<>();
        for (Font font : fonts) {
            try {
                fresh.put(font, new TTFParser().parse(new RandomAccessReadBuffer(font.bytes())));
            } catch (IOException e) {
                throw new UncheckedIOException("Font " + font.name() + " cannot be parsed", e);
            }
        }
        return fresh;
    }

    /** A parsed font embedded (its subset) in the document being printed, the first time the layout needs it. */
    private static final class EmbeddedOnUse extends PDFontSupplier {
        private final PDDocument document;
        private final TrueTypeFont font;
        private PDFont embedded;

        EmbeddedOnUse(PDDocument document, TrueTypeFont font) {
            super(null);
            this.document = document;
            this.font = font;
        }

        @Override
        public PDFont supply() {
            if (embedded == null) {
                try {
                    embedded = PDType0Font.load(document, font, true);
                } catch (IOException e) {
                    throw new UncheckedIOException("A font could not be embedded", e);
                }
            }
            return embedded;
        }
    }

    private void dejaVu(String file, String family, int weight, FontStyle style) {
        try (InputStream font = PdfPrinter.class.getResourceAsStream(DEJAVU + file)) {
            if (font == null) {
                throw new IllegalStateException("Font " + file + " is missing from the classpath");
            }
            fonts.add(new Font(file, font.readAllBytes(), family, weight, style, false));
        } catch (IOException e) {
            throw new UncheckedIOException("Font " + file + " cannot be read", e);
        }
    }
}

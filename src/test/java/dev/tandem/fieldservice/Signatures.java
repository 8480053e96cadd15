package dev.tandem.fieldservice;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** Signature drawings as a canvas sends them: a transparent PNG, with or without a stroke. */
public final class Signatures {

    private Signatures() {
    }

    public static byte[] drawn() {
        return png(true);
    }

    public static byte[] blank() {
        return png(false);
    }

    private static byte[] png(boolean withStroke) {
        BufferedImage image = new BufferedImage(300, 100, BufferedImage.TYPE_INT_ARGB);
        if (withStroke) {
            Graphics2D pen = image.createGraphics();
            pen.setColor(new Color(0x1a237e));
            pen.setStroke(new BasicStroke(3));
            pen.drawLine(20, 70, 140, 30);
            pen.drawLine(140, 30, 260, 75);
            pen.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

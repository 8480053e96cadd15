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
        return png(true, 300, 100);
    }

    public static byte[] blank() {
        return png(false, 300, 100);
    }

    /** A small file of a huge image: mostly empty pixels compress to almost nothing. */
    public static byte[] huge() {
        return png(true, 8000, 40);
    }

    private static byte[] png(boolean withStroke, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        if (withStroke) {
            Graphics2D pen = image.createGraphics();
            pen.setColor(new Color(0x1a237e));
            pen.setStroke(new BasicStroke(3));
            pen.drawLine(20, height * 7 / 10, 140, height * 3 / 10);
            pen.drawLine(140, height * 3 / 10, 260, height * 3 / 4);
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

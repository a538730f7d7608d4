package dev.jautograd.viz;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/** Reads a PNG back with ImageIO and looks at its pixels. */
final class PngCheck {
    private PngCheck() {}

    static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image, "not a PNG ImageIO can read");
        return image;
    }

    /** Pixels in the rectangle (image pixels) darker than {@code maxLuminance} (0..255). */
    static int darkPixels(BufferedImage image, int x0, int y0, int x1, int y1, int maxLuminance) {
        int count = 0;
        for (int y = Math.max(0, y0); y < Math.min(image.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(image.getWidth(), x1); x++) {
                if (luminance(image.getRGB(x, y)) <= maxLuminance) count++;
            }
        }
        return count;
    }

    static int luminance(int rgb) {
        int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
        return (299 * r + 587 * g + 114 * b) / 1000;
    }

    /** Squared distance between two colours, per channel. */
    static int distance(int rgb, int other) {
        int dr = ((rgb >> 16) & 0xff) - ((other >> 16) & 0xff);
        int dg = ((rgb >> 8) & 0xff) - ((other >> 8) & 0xff);
        int db = (rgb & 0xff) - (other & 0xff);
        return dr * dr + dg * dg + db * db;
    }
}

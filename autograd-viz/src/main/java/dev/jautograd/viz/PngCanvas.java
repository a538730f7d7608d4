package dev.jautograd.viz;

import dev.jautograd.viz.Drawing.Point;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A {@link Canvas} that paints with Java2D into a {@link BufferedImage} and encodes it as PNG with
 * ImageIO (both in the JDK). A PNG cannot follow the page's theme, so it uses the SVG's light
 * palette on an opaque white background: a light card reads on a light and on a dark page alike.
 *
 * <p>Drawn at {@code scale} device pixels per CSS pixel (2 for high-density screens), the caller
 * saying the CSS size in the output's metadata.
 */
final class PngCanvas implements Canvas {
    private static final Color BACKGROUND = Color.WHITE;
    private static final Color TEXT = new Color(0x1f2328);
    private static final Color EDGE = new Color(0x57606a);
    /** Fill (RGBA, as the SVG's translucent tints) and stroke per kind of box. */
    private static final Map<NodeKind, Color[]> BOX = new EnumMap<>(Map.of(
            NodeKind.OUTPUT, new Color[] {new Color(34, 197, 94, 56), new Color(0x16a34a)},
            NodeKind.LEAF, new Color[] {new Color(59, 130, 246, 56), new Color(0x3b82f6)},
            NodeKind.BACKWARD, new Color[] {new Color(148, 163, 184, 51), new Color(0x94a3b8)},
            NodeKind.ACCUMULATE_GRAD, new Color[] {new Color(168, 85, 247, 51), new Color(0xa855f7)},
            NodeKind.SAVED, new Color[] {new Color(249, 115, 22, 56), new Color(0xf97316)}));
    private static final BasicStroke EDGE_STROKE = new BasicStroke(1.3f);
    private static final BasicStroke SAVED_STROKE =
            new BasicStroke(1.3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f);
    private static final BasicStroke BOX_STROKE = new BasicStroke(1.4f);
    /** Java's logical Monospaced face (DejaVu Sans Mono on Debian) at the SVG's 12 px. */
    private static final Map<TextStyle, Font> FONTS = new EnumMap<>(Map.of(
            TextStyle.TITLE, font(Font.BOLD), TextStyle.PLAIN, font(Font.PLAIN), TextStyle.CAPTION, font(Font.ITALIC)));

    private final double scale;
    private BufferedImage image;
    private Graphics2D g;
    private NodeKind kind;

    PngCanvas(double scale) {
        this.scale = scale;
    }

    /** The encoded PNG, once {@link GraphPainter} has drawn on this canvas. */
    byte[] png() {
        var bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    BufferedImage image() {
        return image;
    }

    @Override
    public void start(double width, double height, String title) {
        int w = Math.max(1, (int) Math.ceil(width * scale)), h = Math.max(1, (int) Math.ceil(height * scale));
        image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, w, h);
        g.scale(scale, scale); // from here on, CSS pixels as in the SVG
    }

    @Override
    public void edge(List<Point> points, boolean saved) {
        var path = new Path2D.Double();
        path.moveTo(points.get(0).x(), points.get(0).y());
        for (int i = 1; i < points.size(); i++) path.lineTo(points.get(i).x(), points.get(i).y());
        g.setColor(EDGE);
        g.setStroke(saved ? SAVED_STROKE : EDGE_STROKE);
        g.draw(path);
    }

    @Override
    public void arrowhead(Point tip, Point left, Point right) {
        var head = new Path2D.Double();
        head.moveTo(tip.x(), tip.y());
        head.lineTo(left.x(), left.y());
        head.lineTo(right.x(), right.y());
        head.closePath();
        g.setColor(EDGE);
        g.fill(head);
    }

    @Override
    public void beginNode(NodeKind kind, String tooltip) {
        this.kind = kind;
    }

    @Override
    public void roundRect(double x, double y, double width, double height, double radius) {
        var rect = new RoundRectangle2D.Double(x, y, width, height, 2 * radius, 2 * radius);
        g.setColor(BOX.get(kind)[0]);
        g.fill(rect);
        g.setColor(BOX.get(kind)[1]);
        g.setStroke(BOX_STROKE);
        g.draw(rect);
    }

    @Override
    public void text(double x, double y, String text, TextStyle style, boolean centred) {
        g.setFont(FONTS.get(style));
        g.setColor(TEXT);
        double left = centred ? x - g.getFontMetrics().getStringBounds(text, g).getWidth() / 2 : x;
        g.drawString(text, (float) left, (float) y);
    }

    private static Font font(int style) {
        return new Font(Font.MONOSPACED, style, 1).deriveFont((float) TextMetrics.FONT_SIZE);
    }

    @Override
    public void endNode() {
        kind = null;
    }

    @Override
    public void finish() {
        g.dispose();
    }
}

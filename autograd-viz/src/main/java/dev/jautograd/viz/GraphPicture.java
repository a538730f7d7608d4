package dev.jautograd.viz;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The picture {@link Viz#makeDot} returns: shows in a notebook as SVG or PNG (with a
 * {@code text/plain} summary), exports DOT, and prints as its summary.
 *
 * <p>The graph is captured when the picture is made; names are looked up each time it is drawn:
 * first those given to {@code makeDot} or {@link #withNames}, then the notebook's
 * ({@link Viz#useNotebookNames}), then module paths of parameters ({@code 0.weight}). The SVG, PNG, DOT and text therefore name the same tensors.
 */
public final class GraphPicture {
    /** Device pixels per CSS pixel in the PNG: sharp on high-density screens. */
    static final double PNG_SCALE = 2;
    /** Above this many pixels the PNG's scale drops, so a huge graph stays a few hundred KB. */
    static final double MAX_PNG_PIXELS = 6_000_000;

    private final AutogradGraph graph;
    private final NameResolver names;
    private Rendering rendering;

    /** One layout for one set of box texts, drawn as SVG at once and as PNG when first asked. */
    private static final class Rendering {
        final List<List<String>> lines;
        final String title;
        final Drawing drawing;
        final String caption;
        final String svg;
        byte[] png;

        Rendering(List<List<String>> lines, String title, Drawing drawing, String caption, String svg) {
            this.lines = lines;
            this.title = title;
            this.drawing = drawing;
            this.caption = caption;
            this.svg = svg;
        }
    }

    GraphPicture(AutogradGraph graph, NameResolver names) {
        this.graph = graph;
        this.names = names;
    }

    public AutogradGraph graph() {
        return graph;
    }

    /** The same picture, naming the tensors this one leaves unnamed from {@code more}. */
    public GraphPicture withNames(NameResolver more) {
        return new GraphPicture(graph, names.orElse(more));
    }

    NameResolver names() {
        return names.orElse(Viz.notebookNames()).orElse(NameResolver.moduleParameters());
    }

    /** The text written in each box, indexed like {@code graph().nodes()}. */
    public List<List<String>> boxLines() {
        NameResolver resolver = names();
        return graph.nodes().stream().map(n -> graph.lines(n, resolver)).toList();
    }

    // Laid out again only when a name changed since the last drawing (ELK: tens of ms).
    private synchronized Rendering rendering() {
        List<List<String>> lines = boxLines();
        String title = TextSummary.headline(graph, names());
        if (rendering == null || !rendering.lines.equals(lines) || !rendering.title.equals(title)) {
            Drawing drawing = ElkLayout.layout(graph, lines);
            List<String> notes = TextSummary.notes(graph);
            String caption = notes.isEmpty() ? null : String.join("; ", notes);
            var svg = new SvgCanvas();
            GraphPainter.paint(graph, drawing, title, caption, svg);
            rendering = new Rendering(lines, title, drawing, caption, svg.svg());
        }
        return rendering;
    }

    /** Standalone SVG (valid XML), laid out by ELK layered, themed for light and dark pages. */
    public String toSvg() {
        return rendering().svg;
    }

    /**
     * The same picture as PNG, drawn by the same code on a Java2D canvas: light palette on white
     * (readable on light and dark pages), at {@link #pngScale()} pixels per CSS pixel.
     */
    public byte[] toPng() {
        Rendering r = rendering();
        synchronized (r) {
            if (r.png == null) {
                var canvas = new PngCanvas(pngScale(size(r)));
                GraphPainter.paint(graph, r.drawing, r.title, r.caption, canvas);
                r.png = canvas.png();
            }
            return r.png.clone();
        }
    }

    /** The picture's size in CSS pixels, {width, height}, as the SVG declares it. */
    public double[] size() {
        return size(rendering());
    }

    private static double[] size(Rendering r) {
        return new double[] {GraphPainter.width(r.drawing, r.caption), GraphPainter.height(r.drawing, r.caption)};
    }

    /** 2, or less for a picture so big that 2 would pass {@link #MAX_PNG_PIXELS}. */
    public double pngScale() {
        return pngScale(size());
    }

    private static double pngScale(double[] size) {
        double area = Math.max(1, size[0] * size[1]);
        return Math.min(PNG_SCALE, Math.sqrt(MAX_PNG_PIXELS / area));
    }

    /** Graphviz DOT source, with the names the picture shows. */
    public String toDot() {
        return DotWriter.write(graph, names());
    }

    /** A few lines: what the graph is made of and what flows into each box. */
    public String toText() {
        return TextSummary.write(graph, names());
    }

    /**
     * Jupyter's display data, each type chosen to survive where it is read: {@code text/plain}
     * (consoles), {@code text/html} (an {@code <img>} of the SVG), {@code image/svg+xml} and
     * {@code image/png} (base64).
     *
     * <p>Why the HTML is an {@code <img>} and not the SVG inline: an untrusted notebook (Notebook 6,
     * JupyterLab's HTML sanitiser) strips SVG elements and leaves their text jumbled together, but
     * keeps an {@code <img>} with a {@code data:} URI; and nbconvert 6.5 (Debian 12) passes
     * {@code image/svg+xml} through an HTML cleaner that strips every shape (nbconvert 7.7 does the
     * same {@code <img>} itself). JupyterLab shows the PNG when a notebook is not trusted (PNG is
     * one of its safe types); the PNG also serves nbconvert's PDF and Markdown exports.
     */
    public Map<String, String> mimeBundle() {
        var bundle = new LinkedHashMap<String, String>();
        String svg = toSvg();
        bundle.put("text/plain", toText());
        bundle.put("text/html", htmlImage(svg));
        bundle.put("image/svg+xml", svg);
        byte[] png = pngOrNull();
        if (png != null) bundle.put("image/png", Base64.getEncoder().encodeToString(png));
        return bundle;
    }

    // A JRE without fonts (a bare container) cannot draw text with Java2D: the picture is then
    // sent without its PNG rather than not at all.
    private byte[] pngOrNull() {
        try {
            return toPng();
        } catch (RuntimeException | LinkageError | java.awt.AWTError e) {
            System.getLogger(GraphPicture.class.getName()).log(System.Logger.Level.WARNING,
                    "no PNG for the graph (fonts or Java2D missing): " + e);
            return null;
        }
    }

    /** Jupyter's output metadata: the PNG's size in CSS pixels (it has {@link #pngScale()} times as many). */
    public Map<String, Map<String, Object>> mimeMetadata() {
        double[] size = size();
        return Map.of("image/png", Map.of("width", (int) Math.ceil(size[0]), "height", (int) Math.ceil(size[1])));
    }

    /**
     * The SVG as an image, at its own size (the SVG's width and height): {@code max-width:none} lets a wide picture scroll
     * rather than shrink (a sanitiser drops the style attribute, nothing more).
     */
    private String htmlImage(String svg) {
        return "<img class=\"jag-graph unconfined\" src=\"data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8))
                + "\" alt=\"" + SvgCanvas.escape(TextSummary.headline(graph, names())) + "\" style=\"max-width:none\">";
    }

    @Override
    public String toString() {
        return toText();
    }
}

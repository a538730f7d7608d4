package dev.jautograd.viz;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The picture {@link Viz#makeDot} returns: renders inline in a notebook as {@code image/svg+xml}
 * (with a {@code text/plain} summary), exports DOT, and prints as its summary.
 *
 * <p>The graph is captured when the picture is made; names are looked up when it is drawn, so a
 * kernel can add its notebook variables with {@link #withNames} just before display.
 */
public final class GraphPicture {
    private final AutogradGraph graph;
    private final NameResolver names;
    private String svg;

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

    /** The text written in each box, indexed like {@code graph().nodes()}. */
    public List<List<String>> boxLines() {
        return graph.nodes().stream().map(n -> graph.lines(n, names)).toList();
    }

    /** Standalone SVG (valid XML), laid out by ELK layered, themed for light and dark pages. */
    public synchronized String toSvg() {
        if (svg == null) {
            Drawing drawing = ElkLayout.layout(graph, boxLines());
            List<String> notes = TextSummary.notes(graph);
            svg = SvgWriter.write(graph, drawing, TextSummary.headline(graph, names),
                    notes.isEmpty() ? null : String.join("; ", notes));
        }
        return svg;
    }

    /** Graphviz DOT source. */
    public String toDot() {
        return DotWriter.write(graph, names);
    }

    /** A few lines: what the graph is made of and what flows into each box. */
    public String toText() {
        return TextSummary.write(graph, names);
    }

    /**
     * Jupyter's display data: {@code text/plain}, {@code text/html} and {@code image/svg+xml}.
     *
     * <p>The HTML is the same SVG inline. Frontends prefer it to the SVG (JupyterLab, nbconvert),
     * and that matters twice: nbconvert 6.5 passes {@code image/svg+xml} through an HTML cleaner
     * that strips every SVG element (nbconvert issue 1849), and an inline SVG sees the page's
     * theme variables where JupyterLab's {@code <img>} rendering of an SVG cannot.
     */
    public Map<String, String> mimeBundle() {
        var bundle = new LinkedHashMap<String, String>();
        bundle.put("text/plain", toText());
        bundle.put("text/html", "<div class=\"jag-graph\">" + toSvg() + "</div>");
        bundle.put("image/svg+xml", toSvg());
        return bundle;
    }

    @Override
    public String toString() {
        return toText();
    }
}

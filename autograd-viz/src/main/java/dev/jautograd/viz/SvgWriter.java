package dev.jautograd.viz;

import dev.jautograd.viz.Drawing.Box;
import dev.jautograd.viz.Drawing.Point;
import dev.jautograd.viz.Drawing.Route;
import java.util.List;
import java.util.Locale;

/**
 * Draws a laid-out graph as standalone SVG.
 *
 * <p>Theming: colours come from JupyterLab's theme variables when the SVG is inlined in a themed
 * page (nbconvert HTML, classic notebook), and otherwise from {@code prefers-color-scheme}, which
 * is all an SVG shown through an {@code <img>} (as JupyterLab does) can see. The picture paints its
 * own background with the same source as its text colour, so text stays readable even when the
 * page theme and the system theme disagree. Box fills are translucent tints, readable over either
 * background. Every class is prefixed {@code jag-} because an inlined SVG's style sheet is global
 * to the page; arrowheads are plain polygons rather than markers, whose ids could clash between
 * several graphs on one page.
 */
final class SvgWriter {
    private static final double HEAD_LENGTH = 8;
    private static final double HEAD_HALF_WIDTH = 4;
    private static final double CAPTION_HEIGHT = 20;

    static final String STYLE = """
            .jag{--jag-bg:#ffffff;--jag-fg:#1f2328;--jag-edge:#57606a}
            @media (prefers-color-scheme:dark){.jag{--jag-bg:#0d1117;--jag-fg:#e6edf3;--jag-edge:#8b949e}}
            .jag .jag-bg{fill:var(--jp-layout-color0,var(--jag-bg))}
            .jag text{fill:var(--jp-ui-font-color1,var(--jag-fg));font-size:12px;\
            font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,'DejaVu Sans Mono','Liberation Mono',monospace}
            .jag .jag-title{font-weight:bold}
            .jag .jag-caption{font-style:italic}
            .jag .jag-edge{fill:none;stroke:var(--jp-ui-font-color2,var(--jag-edge));stroke-width:1.3}
            .jag .jag-edge.jag-saved-edge{stroke-dasharray:4 3}
            .jag .jag-head{fill:var(--jp-ui-font-color2,var(--jag-edge))}
            .jag .jag-node rect{stroke-width:1.4}
            .jag .jag-output rect{fill:rgba(34,197,94,.22);stroke:#16a34a}
            .jag .jag-leaf rect{fill:rgba(59,130,246,.22);stroke:#3b82f6}
            .jag .jag-backward rect{fill:rgba(148,163,184,.20);stroke:#94a3b8}
            .jag .jag-accumulate-grad rect{fill:rgba(168,85,247,.20);stroke:#a855f7}
            .jag .jag-saved rect{fill:rgba(249,115,22,.22);stroke:#f97316}
            """;

    private final StringBuilder svg = new StringBuilder();

    private SvgWriter() {}

    /**
     * @param title   what the picture is, for screen readers and tooltips
     * @param caption a note under the graph (freed saved tensors, truncation), or null
     */
    static String write(AutogradGraph graph, Drawing drawing, String title, String caption) {
        var writer = new SvgWriter();
        writer.document(graph, drawing, title, caption);
        return writer.svg.toString();
    }

    private void document(AutogradGraph graph, Drawing drawing, String title, String caption) {
        double width = Math.max(drawing.width(), caption == null ? 0 : TextMetrics.boxWidth(List.of(caption)));
        double height = drawing.height() + (caption == null ? 0 : CAPTION_HEIGHT);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"jag\" width=\"").append(num(width))
                .append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ").append(num(width))
                .append(' ').append(num(height)).append("\" role=\"img\">\n");
        svg.append("<title>").append(escape(title)).append("</title>\n");
        svg.append("<style>\n").append(STYLE).append("</style>\n");
        svg.append("<rect class=\"jag-bg\" x=\"0\" y=\"0\" width=\"").append(num(width)).append("\" height=\"")
                .append(num(height)).append("\"/>\n");
        for (int i = 0; i < graph.edges().size(); i++) edge(graph.edges().get(i), drawing.routes().get(i));
        for (int i = 0; i < graph.nodes().size(); i++) node(graph.node(i), drawing.boxes().get(i));
        if (caption != null) {
            svg.append("<text class=\"jag-caption\" x=\"").append(num(TextMetrics.PAD_X)).append("\" y=\"")
                    .append(num(drawing.height() + 4)).append("\">").append(escape(caption)).append("</text>\n");
        }
        svg.append("</svg>\n");
    }

    private void edge(GraphEdge edge, Route route) {
        var points = route.points();
        svg.append("<path class=\"jag-edge").append(edge.saved() ? " jag-saved-edge" : "").append("\" d=\"");
        for (int i = 0; i < points.size(); i++) {
            svg.append(i == 0 ? "M" : " L").append(num(points.get(i).x())).append(' ').append(num(points.get(i).y()));
        }
        svg.append("\"/>\n");
        // Saved tensors are not inputs of the computation: torchviz draws them without a head too.
        if (!edge.saved()) arrowhead(points.get(points.size() - 2), points.get(points.size() - 1));
    }

    private void arrowhead(Point from, Point tip) {
        double dx = tip.x() - from.x(), dy = tip.y() - from.y();
        double length = Math.hypot(dx, dy);
        if (length == 0) return;
        double ux = dx / length, uy = dy / length;
        double baseX = tip.x() - ux * HEAD_LENGTH, baseY = tip.y() - uy * HEAD_LENGTH;
        svg.append("<polygon class=\"jag-head\" points=\"")
                .append(num(tip.x())).append(',').append(num(tip.y())).append(' ')
                .append(num(baseX - uy * HEAD_HALF_WIDTH)).append(',').append(num(baseY + ux * HEAD_HALF_WIDTH))
                .append(' ')
                .append(num(baseX + uy * HEAD_HALF_WIDTH)).append(',').append(num(baseY - ux * HEAD_HALF_WIDTH))
                .append("\"/>\n");
    }

    private void node(GraphNode node, Box box) {
        svg.append("<g class=\"jag-node jag-").append(node.kind().cssName()).append("\">");
        svg.append("<title>").append(escape(String.join("\n", box.lines()))).append("</title>");
        svg.append("<rect x=\"").append(num(box.x())).append("\" y=\"").append(num(box.y()))
                .append("\" width=\"").append(num(box.width())).append("\" height=\"").append(num(box.height()))
                .append("\" rx=\"6\" ry=\"6\"/>");
        double centre = box.x() + box.width() / 2;
        for (int i = 0; i < box.lines().size(); i++) {
            svg.append("<text x=\"").append(num(centre)).append("\" y=\"")
                    .append(num(box.y() + TextMetrics.baseline(i))).append("\" text-anchor=\"middle\"")
                    .append(i == 0 ? " class=\"jag-title\"" : "").append('>')
                    .append(escape(box.lines().get(i))).append("</text>");
        }
        svg.append("</g>\n");
    }

    /** At most two decimals, no trailing zeros, never a locale's decimal comma. */
    static String num(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        text = text.replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    static String escape(String text) {
        var out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

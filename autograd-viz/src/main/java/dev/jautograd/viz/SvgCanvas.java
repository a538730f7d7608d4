package dev.jautograd.viz;

import dev.jautograd.viz.Drawing.Point;
import java.util.List;
import java.util.Locale;

/**
 * A {@link Canvas} that writes standalone SVG.
 *
 * <p>Theming: colours come from JupyterLab's theme variables when the SVG is inlined in a themed
 * page, and otherwise from {@code prefers-color-scheme}, which is all an SVG shown through an
 * {@code <img>} can see. The picture paints its own background with the same source as its text
 * colour, so text stays readable even when the page theme and the system theme disagree. Box fills
 * are translucent tints, readable over either background. Every class is prefixed {@code jag-}
 * because an inlined SVG's style sheet is global to the page; arrowheads are plain polygons rather
 * than markers, whose ids could clash between several graphs on one page.
 */
final class SvgCanvas implements Canvas {
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

    /** The SVG text, once {@link GraphPainter} has drawn on this canvas. */
    String svg() {
        return svg.toString();
    }

    @Override
    public void start(double width, double height, String title) {
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"jag\" width=\"").append(num(width))
                .append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ").append(num(width))
                .append(' ').append(num(height)).append("\" role=\"img\">\n");
        svg.append("<title>").append(escape(title)).append("</title>\n");
        svg.append("<style>\n").append(STYLE).append("</style>\n");
        svg.append("<rect class=\"jag-bg\" x=\"0\" y=\"0\" width=\"").append(num(width)).append("\" height=\"")
                .append(num(height)).append("\"/>\n");
    }

    @Override
    public void edge(List<Point> points, boolean saved) {
        svg.append("<path class=\"jag-edge").append(saved ? " jag-saved-edge" : "").append("\" d=\"");
        for (int i = 0; i < points.size(); i++) {
            svg.append(i == 0 ? "M" : " L").append(num(points.get(i).x())).append(' ').append(num(points.get(i).y()));
        }
        svg.append("\"/>\n");
    }

    @Override
    public void arrowhead(Point tip, Point left, Point right) {
        svg.append("<polygon class=\"jag-head\" points=\"");
        for (Point p : List.of(tip, left, right)) {
            svg.append(p == tip ? "" : " ").append(num(p.x())).append(',').append(num(p.y()));
        }
        svg.append("\"/>\n");
    }

    @Override
    public void beginNode(NodeKind kind, String tooltip) {
        svg.append("<g class=\"jag-node jag-").append(kind.cssName()).append("\">");
        svg.append("<title>").append(escape(tooltip)).append("</title>");
    }

    @Override
    public void roundRect(double x, double y, double width, double height, double radius) {
        svg.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y))
                .append("\" width=\"").append(num(width)).append("\" height=\"").append(num(height))
                .append("\" rx=\"").append(num(radius)).append("\" ry=\"").append(num(radius)).append("\"/>");
    }

    @Override
    public void text(double x, double y, String text, TextStyle style, boolean centred) {
        svg.append("<text");
        if (style == TextStyle.CAPTION) svg.append(" class=\"jag-caption\"");
        svg.append(" x=\"").append(num(x)).append("\" y=\"").append(num(y)).append('"');
        if (centred) svg.append(" text-anchor=\"middle\"");
        if (style == TextStyle.TITLE) svg.append(" class=\"jag-title\"");
        svg.append('>').append(escape(text)).append("</text>");
        if (style == TextStyle.CAPTION) svg.append('\n');
    }

    @Override
    public void endNode() {
        svg.append("</g>\n");
    }

    @Override
    public void finish() {
        svg.append("</svg>\n");
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

package dev.jautograd.viz;

import dev.jautograd.viz.Canvas.TextStyle;
import dev.jautograd.viz.Drawing.Box;
import dev.jautograd.viz.Drawing.Point;
import dev.jautograd.viz.Drawing.Route;
import java.util.List;

/**
 * Draws a laid-out graph on a {@link Canvas}: background, edges along ELK's routes with arrowheads,
 * boxes with their lines of text, and a caption under the graph. The SVG and the PNG are both
 * drawn by this one class, so they show the same picture.
 */
final class GraphPainter {
    static final double HEAD_LENGTH = 8;
    static final double HEAD_HALF_WIDTH = 4;
    static final double CAPTION_HEIGHT = 20;
    static final double CORNER_RADIUS = 6;

    private GraphPainter() {}

    /** The picture's size: the drawing, widened for the caption and with room under it. */
    static double width(Drawing drawing, String caption) {
        return Math.max(drawing.width(), caption == null ? 0 : TextMetrics.boxWidth(List.of(caption)));
    }

    static double height(Drawing drawing, String caption) {
        return drawing.height() + (caption == null ? 0 : CAPTION_HEIGHT);
    }

    /**
     * @param title   what the picture is, for screen readers and tooltips
     * @param caption a note under the graph (freed saved tensors, truncation), or null
     */
    static void paint(AutogradGraph graph, Drawing drawing, String title, String caption, Canvas canvas) {
        canvas.start(width(drawing, caption), height(drawing, caption), title);
        for (int i = 0; i < graph.edges().size(); i++) edge(graph.edges().get(i), drawing.routes().get(i), canvas);
        for (int i = 0; i < graph.nodes().size(); i++) node(graph.node(i), drawing.boxes().get(i), canvas);
        if (caption != null) {
            canvas.text(TextMetrics.PAD_X, drawing.height() + 4, caption, TextStyle.CAPTION, false);
        }
        canvas.finish();
    }

    private static void edge(GraphEdge edge, Route route, Canvas canvas) {
        var points = route.points();
        canvas.edge(points, edge.saved());
        // Saved tensors are not inputs of the computation: torchviz draws them without a head too.
        if (!edge.saved()) arrowhead(points.get(points.size() - 2), points.get(points.size() - 1), canvas);
    }

    private static void arrowhead(Point from, Point tip, Canvas canvas) {
        double dx = tip.x() - from.x(), dy = tip.y() - from.y();
        double length = Math.hypot(dx, dy);
        if (length == 0) return;
        double ux = dx / length, uy = dy / length;
        double baseX = tip.x() - ux * HEAD_LENGTH, baseY = tip.y() - uy * HEAD_LENGTH;
        canvas.arrowhead(tip, new Point(baseX - uy * HEAD_HALF_WIDTH, baseY + ux * HEAD_HALF_WIDTH),
                new Point(baseX + uy * HEAD_HALF_WIDTH, baseY - ux * HEAD_HALF_WIDTH));
    }

    private static void node(GraphNode node, Box box, Canvas canvas) {
        canvas.beginNode(node.kind(), String.join("\n", box.lines()));
        canvas.roundRect(box.x(), box.y(), box.width(), box.height(), CORNER_RADIUS);
        double centre = box.x() + box.width() / 2;
        for (int i = 0; i < box.lines().size(); i++) {
            canvas.text(centre, box.y() + TextMetrics.baseline(i), box.lines().get(i),
                    i == 0 ? TextStyle.TITLE : TextStyle.PLAIN, true);
        }
        canvas.endNode();
    }
}

package dev.jautograd.viz;

import dev.jautograd.viz.Drawing.Point;
import java.util.List;

/**
 * What a graph picture is drawn on. {@link GraphPainter} is the one drawing code; an SVG canvas and
 * a raster (PNG) canvas render its calls, so the two pictures cannot drift apart. Calls say what a
 * mark is (an edge, a box of some kind, a title line), never its colour: the SVG maps that to
 * theme-aware style classes, the raster to fixed colours.
 */
interface Canvas {
    /** How a line of text is set: box titles bold, the caption italic, other lines plain. */
    enum TextStyle { TITLE, PLAIN, CAPTION }

    /** Starts the picture and paints its background. */
    void start(double width, double height, String title);

    /** A polyline through {@code points}; a saved-tensor edge is dashed. */
    void edge(List<Point> points, boolean saved);

    /** A filled triangle at the end of an edge. */
    void arrowhead(Point tip, Point left, Point right);

    /** Starts a box of {@code kind}; {@code tooltip} is its full text, for viewers that show one. */
    void beginNode(NodeKind kind, String tooltip);

    /** The box's rounded rectangle, coloured by the kind given to {@link #beginNode}. */
    void roundRect(double x, double y, double width, double height, double radius);

    /** One line of text with its baseline at {@code y}, centred on {@code x} or starting there. */
    void text(double x, double y, String text, TextStyle style, boolean centred);

    void endNode();

    void finish();
}

package dev.jautograd.plot;

import dev.jautograd.Tensor;
import dev.jautograd.display.RichOutput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A plot, matplotlib-style, of tensors or Java arrays: {@code Plot.line(losses).logY()},
 * {@code Plot.scatter(points, labels)}, {@code Plot.hist(w, 30)}, {@code Plot.heatmap(w)},
 * {@code Plot.decisionBoundary(model::forward, points, labels)}. Series are added with the
 * instance methods of the same names. A notebook shows it as SVG with a PNG beside it (for
 * front ends and converters that do not take SVG) and a one-line text for consoles.
 */
public final class Plot implements RichOutput {
    private final List<Layer> layers = new ArrayList<>();
    private String title = "";
    private String xLabel = "";
    private String yLabel = "";
    private boolean logX;
    private boolean logY;
    private boolean invertY;
    private boolean integerTicks;
    private int width = 600;
    private int height = 400;
    private ColourBar colourBar;

    /** The range of values a colour bar beside the axes explains. */
    record ColourBar(double min, double max) {
    }

    /** An empty plot to add series to. */
    public static Plot figure() {
        return new Plot();
    }

    /** {@code y} against its index 0, 1, 2, ... */
    public static Plot line(Object y) {
        return new Plot().line("", y);
    }

    public static Plot line(Object x, Object y) {
        return new Plot().line("", x, y);
    }

    /** Points of an N×2 tensor (or double[][]), coloured by integer class labels (null: one colour). */
    public static Plot scatter(Object points, Object labels) {
        return new Plot().points("", points, labels);
    }

    public static Plot hist(Object values, int bins) {
        return new Plot().hist("", values, bins);
    }

    /** A 2-D tensor as coloured cells, row 0 at the top, with a colour bar, as matplotlib's imshow. */
    public static Plot heatmap(Object matrix) {
        return Fields.heatmap(new Plot(), Values.matrix(matrix));
    }

    /**
     * Filled contours of {@code z} (rows from {@code yMin} to {@code yMax}, columns from
     * {@code xMin} to {@code xMax}) in ten colour bands, as matplotlib's contourf.
     */
    public static Plot contourf(Object z, double xMin, double xMax, double yMin, double yMax) {
        return Fields.contourf(new Plot(), Values.matrix(z), xMin, xMax, yMin, yMax);
    }

    /**
     * What a classifier predicts over the plane around the data, with the data on top: each grid
     * point is coloured by its predicted class, paler where the model is less sure. The model
     * maps an M×2 tensor of points to M scores (one output: a probability or a logit of class 1)
     * or M×C class scores.
     */
    public static Plot decisionBoundary(Function<Tensor, Tensor> model, Object points, Object labels) {
        return Fields.decisionBoundary(new Plot(), model, Values.matrix(points), labels);
    }

    // ---------------------------------------------------------------- adding series

    /** Adds a line named {@code name} (in the legend) of {@code y} against its index. */
    public Plot line(String name, Object y) {
        double[] ys = Values.of(y);
        return line(name, Values.steps(ys.length), ys);
    }

    public Plot line(String name, Object x, Object y) {
        double[] xs = Values.of(x);
        double[] ys = Values.of(y);
        Values.sameLength(xs, ys);
        return add(new Layer.Line(name, xs, ys));
    }

    /** Adds points given as x and y. */
    public Plot scatter(String name, Object x, Object y) {
        double[] xs = Values.of(x);
        double[] ys = Values.of(y);
        Values.sameLength(xs, ys);
        return add(new Layer.Points(name, xs, ys, null));
    }

    /** Adds the points of an N×2 tensor, coloured by class labels (null: one colour). */
    public Plot points(String name, Object points, Object labels) {
        double[][] m = Values.matrix(points);
        if (m.length > 0 && m[0].length != 2) {
            throw new IllegalArgumentException("points must be N×2 (x, y), got N×" + m[0].length);
        }
        double[] xs = new double[m.length];
        double[] ys = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            xs[i] = m[i][0];
            ys[i] = m[i][1];
        }
        int[] classes = labels == null ? null : classes(Values.of(labels), m.length);
        return add(new Layer.Points(name, xs, ys, classes));
    }

    public Plot hist(String name, Object values, int bins) {
        return add(new Layer.Histogram(name, Values.of(values), bins));
    }

    // ---------------------------------------------------------------- looks

    public Plot title(String text) {
        title = text;
        return this;
    }

    public Plot xlabel(String text) {
        xLabel = text;
        return this;
    }

    public Plot ylabel(String text) {
        yLabel = text;
        return this;
    }

    /**
     * A logarithmic y axis, as a loss curve is usually drawn; a value that is not positive (a loss
     * that reached 0) is left out, a gap in a line, as matplotlib leaves it out.
     */
    public Plot logY() {
        logY = true;
        return this;
    }

    public Plot logX() {
        logX = true;
        return this;
    }

    /** The picture's size in CSS pixels. */
    public Plot size(int widthPx, int heightPx) {
        width = widthPx;
        height = heightPx;
        return this;
    }

    // ---------------------------------------------------------------- output

    /** The plot as an SVG document. */
    public String svg() {
        return Render.svg(this);
    }

    /** The plot as PNG bytes. */
    public byte[] png() {
        return Render.png(this);
    }

    /**
     * SVG, PNG, text, and HTML that shows the PNG. The HTML is what Notebook, Lab and nbconvert
     * pick first: nbconvert's HTML export passes SVG through lxml's cleaner, which strips every
     * element inside an {@code <svg>} (the picture comes out blank), and an untrusted notebook
     * drops SVG; an {@code <img>} of the PNG survives both.
     */
    @Override
    public Map<String, String> mimeBundle() {
        String png = java.util.Base64.getEncoder().encodeToString(png());
        var bundle = new LinkedHashMap<String, String>();
        bundle.put("text/plain", toString());
        bundle.put("text/html", "<img src=\"data:image/png;base64," + png + "\" width=\"" + width + "\" height=\"" + height
                + "\" alt=\"" + toString().replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;") + "\">");
        bundle.put("image/svg+xml", svg());
        bundle.put("image/png", png);
        return bundle;
    }

    @Override
    public String toString() {
        var kinds = layers.stream().map(l -> l.getClass().getSimpleName().toLowerCase()).distinct().toList();
        return "Plot(" + (title.isEmpty() ? "" : "\"" + title + "\", ") + String.join(" + ", kinds) + ")";
    }

    // ---------------------------------------------------------------- for the renderer

    Plot add(Layer layer) {
        layers.add(layer);
        return this;
    }

    Plot invertY() {
        invertY = true;
        return this;
    }

    Plot integerTicks() {
        integerTicks = true;
        return this;
    }

    boolean hasIntegerTicks() {
        return integerTicks;
    }

    Plot colourBar(double min, double max) {
        colourBar = new ColourBar(min, max);
        return this;
    }

    List<Layer> layers() {
        return layers;
    }

    String title() {
        return title;
    }

    String xLabel() {
        return xLabel;
    }

    String yLabel() {
        return yLabel;
    }

    boolean isLogX() {
        return logX;
    }

    boolean isLogY() {
        return logY;
    }

    boolean isYInverted() {
        return invertY;
    }

    ColourBar colourBarRange() {
        return colourBar;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    private static int[] classes(double[] labels, int n) {
        if (labels.length != n) {
            throw new IllegalArgumentException("need one label per point: " + n + " points, " + labels.length + " labels");
        }
        var classes = new int[n];
        for (int i = 0; i < n; i++) {
            classes[i] = (int) labels[i];
        }
        return classes;
    }
}

package dev.jautograd.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.ui.Align;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.Range;
import org.jfree.data.xy.XYDataset;

/** The JFreeChart plot a figure's layers draw into, styled after matplotlib's defaults. */
final class Axes {
    private static final Color GRID = new Color(0xdddddd);

    private final XYPlot plot = new XYPlot();
    private final boolean logX;
    private final boolean logY;
    private int colour;

    Axes(String xLabel, String yLabel, boolean logX, boolean logY) {
        this.logX = logX;
        this.logY = logY;
        plot.setDomainAxis(axis(xLabel, logX));
        plot.setRangeAxis(axis(yLabel, logY));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.DARK_GRAY);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(0.8f));
        plot.setRangeGridlineStroke(new BasicStroke(0.8f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD); // layers stack in the order added
    }

    private static ValueAxis axis(String label, boolean log) {
        if (log) {
            return new DecadeAxis(label);
        }
        var axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    XYPlot plot() {
        return plot;
    }

    /**
     * Whether a point at {@code x} can be drawn: a finite value, positive on a log axis. As in
     * matplotlib, what cannot be drawn is left out of the picture and of the axis's range: a zero
     * on a log axis had stretched it down to 10⁻³⁰⁰ and flattened the curve into a line.
     */
    boolean drawsX(double x) {
        return Double.isFinite(x) && (!logX || x > 0);
    }

    boolean drawsY(double y) {
        return Double.isFinite(y) && (!logY || y > 0);
    }

    int nextColour() {
        return colour++;
    }

    void add(int index, XYDataset data, XYItemRenderer renderer) {
        plot.setDataset(index, data);
        plot.setRenderer(index, renderer);
    }

    /** A picture under everything, filling exactly its extent: the axes are fixed to it. */
    void background(Layer.Field field) {
        plot.setBackgroundImage(field.image());
        plot.setBackgroundImageAlignment(Align.FIT);
        plot.setBackgroundImageAlpha(1f);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        fix(plot.getDomainAxis(), field.xMin(), field.xMax());
        fix(plot.getRangeAxis(), field.yMin(), field.yMax());
    }

    /** Ticks on whole numbers only: the rows and columns of a heatmap. */
    void integerTicks() {
        plot.getDomainAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }

    private static void fix(ValueAxis axis, double min, double max) {
        axis.setAutoRange(false);
        axis.setRange(new Range(min, max), true, false);
    }
}

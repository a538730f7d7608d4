package dev.jautograd.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.svg.SVGGraphics2D;

/** Draws a {@link Plot} with JFreeChart: SVG through JFreeSVG, PNG through Java2D, both headless. */
final class Render {
    static {
        // A kernel or a CI machine has no display; Java2D draws into images all the same.
        System.setProperty("java.awt.headless", System.getProperty("java.awt.headless", "true"));
    }

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

    private Render() {
    }

    static String svg(Plot plot) {
        var g = new SVGGraphics2D(plot.width(), plot.height());
        // Two decimals of a pixel are finer than any screen; the default 15 digits triple the size.
        g.setGeomDoubleConverter(Render::twoDecimals);
        g.setTransformDoubleConverter(Render::twoDecimals);
        chart(plot).draw(g, new Rectangle2D.Double(0, 0, plot.width(), plot.height()));
        // The element alone: an XML prolog and DOCTYPE inside HTML (nbconvert, Notebook) break its display.
        return g.getSVGElement();
    }

    private static String twoDecimals(double v) {
        double rounded = Math.rint(v * 100) / 100;
        return rounded == (long) rounded ? Long.toString((long) rounded) : Double.toString(rounded);
    }

    static byte[] png(Plot plot) {
        var image = new BufferedImage(plot.width(), plot.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            chart(plot).draw(g, new Rectangle2D.Double(0, 0, plot.width(), plot.height()));
        } finally {
            g.dispose();
        }
        var bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
        return bytes.toByteArray();
    }

    static JFreeChart chart(Plot plot) {
        var axes = new Axes(plot.xLabel(), plot.yLabel(), plot.isLogX(), plot.isLogY());
        int index = 0;
        for (var layer : plot.layers()) {
            layer.addTo(axes, index++);
        }
        var xy = axes.plot();
        xy.getRangeAxis().setInverted(plot.isYInverted());
        if (plot.hasIntegerTicks()) {
            axes.integerTicks();
        }
        for (var axis : new org.jfree.chart.axis.ValueAxis[] {xy.getDomainAxis(), xy.getRangeAxis()}) {
            axis.setLabelFont(LABEL);
            axis.setTickLabelFont(TICKS);
        }
        var chart = new JFreeChart(null, TITLE, xy, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(8, 8, 8, 12));
        if (!plot.title().isEmpty()) {
            chart.setTitle(new TextTitle(plot.title(), TITLE));
        }
        if (hasLegend(plot)) {
            legendInside(chart);
        }
        if (plot.colourBarRange() != null) {
            chart.addSubtitle(colourBar(plot.colourBarRange()));
        }
        return chart;
    }

    private static boolean hasLegend(Plot plot) {
        return plot.layers().stream().anyMatch(l -> l instanceof Layer.Line line && !line.name().isEmpty()
                || l instanceof Layer.Points p && (!p.name().isEmpty() || p.classes() != null)
                || l instanceof Layer.Histogram h && !h.name().isEmpty());
    }

    /** In the top-right corner of the axes, as matplotlib's legend() draws it. */
    private static void legendInside(JFreeChart chart) {
        var xy = chart.getXYPlot();
        var legend = new LegendTitle(xy);
        legend.setItemFont(LABEL);
        legend.setBackgroundPaint(new Color(255, 255, 255, 220));
        legend.setFrame(new BlockBorder(new Color(0xcccccc)));
        legend.setItemLabelPadding(new RectangleInsets(2, 2, 2, 6));
        legend.setPadding(new RectangleInsets(2, 4, 2, 4));
        xy.addAnnotation(new XYTitleAnnotation(0.98, 0.98, legend, RectangleAnchor.TOP_RIGHT));
    }

    private static PaintScaleLegend colourBar(Plot.ColourBar range) {
        var axis = new NumberAxis();
        axis.setTickLabelFont(TICKS);
        var bar = new PaintScaleLegend(new Viridis(range.min(), range.max()), axis);
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setStripWidth(12);
        bar.setStripOutlineVisible(false);
        bar.setAxisOffset(2);
        bar.setMargin(new RectangleInsets(4, 8, 30, 0));
        bar.setSubdivisionCount(64);
        return bar;
    }

    /** Viridis from min to max, for the colour bar beside a heatmap. */
    private record Viridis(double min, double max) implements PaintScale {
        @Override
        public double getLowerBound() {
            return min;
        }

        @Override
        public double getUpperBound() {
            return max;
        }

        @Override
        public java.awt.Paint getPaint(double value) {
            return Colors.viridis(max == min ? 0.5 : (value - min) / (max - min));
        }
    }
}

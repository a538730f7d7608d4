package dev.jautograd.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.TreeMap;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** One thing drawn on a plot's axes; a plot is a stack of layers drawn in the order added. */
sealed interface Layer {
    /** Adds this layer's dataset and renderer as the axes' {@code index}-th. */
    void addTo(Axes axes, int index);

    /**
     * A line; a value the axes cannot draw ({@link Axes#drawsY}: NaN, infinite, or not positive on
     * a log axis) is a gap in it, as in matplotlib (a loss that diverged, or reached 0). JFreeChart
     * draws a NaN as a gap but failed on an infinity ("Must be finite."), and so did a live loss
     * curve, in the middle of the training loop.
     */
    record Line(String name, double[] x, double[] y) implements Layer {
        @Override
        public void addTo(Axes axes, int index) {
            var series = new XYSeries(name, false, true);
            for (int i = 0; i < x.length; i++) {
                if (axes.drawsX(x[i])) {
                    series.add(x[i], axes.drawsY(y[i]) ? y[i] : Double.NaN, false);
                }
            }
            var renderer = new XYLineAndShapeRenderer(true, false);
            renderer.setDrawSeriesLineAsPath(true); // one SVG path, not a thousand segments
            renderer.setSeriesPaint(0, Colors.series(axes.nextColour()));
            renderer.setSeriesStroke(0, new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            axes.add(index, new XYSeriesCollection(series), renderer);
        }
    }

    /**
     * Points, one colour per class when {@code classes} is given (class k takes the k-th colour);
     * a point the axes cannot draw (a NaN or infinite coordinate, or one not positive on a log
     * axis) is left out, as in matplotlib.
     */
    record Points(String name, double[] x, double[] y, int[] classes) implements Layer {
        @Override
        public void addTo(Axes axes, int index) {
            var byClass = new TreeMap<Integer, XYSeries>();
            for (int i = 0; i < x.length; i++) {
                if (!axes.drawsX(x[i]) || !axes.drawsY(y[i])) {
                    continue;
                }
                int cls = classes == null ? 0 : classes[i];
                String key = classes == null ? name : (name.isEmpty() ? "class " : name + " ") + cls;
                byClass.computeIfAbsent(cls, k -> new XYSeries(key, false, true)).add(x[i], y[i], false);
            }
            var data = new XYSeriesCollection();
            var renderer = new XYLineAndShapeRenderer(false, true);
            int base = axes.nextColour();
            int s = 0;
            for (var entry : byClass.entrySet()) {
                data.addSeries(entry.getValue());
                renderer.setSeriesShape(s, new Ellipse2D.Double(-3, -3, 6, 6));
                renderer.setSeriesPaint(s, Colors.series(classes == null ? base : entry.getKey()));
                renderer.setSeriesOutlinePaint(s, Color.WHITE);
                renderer.setSeriesOutlineStroke(s, new BasicStroke(0.5f));
                s++;
            }
            renderer.setUseOutlinePaint(true);
            renderer.setDrawOutlines(true);
            axes.add(index, data, renderer);
        }
    }

    /**
     * The finite values in {@code bins} bins; no finite value at all is an empty plot, as
     * matplotlib's {@code hist([])} (JFreeChart rejected an empty series and a NaN-only one).
     */
    record Histogram(String name, double[] values, int bins) implements Layer {
        @Override
        public void addTo(Axes axes, int index) {
            var data = new HistogramDataset();
            double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
            if (finite.length > 0) {
                data.addSeries(name, finite, bins);
            }
            var renderer = new XYBarRenderer();
            renderer.setBarPainter(new StandardXYBarPainter());
            renderer.setShadowVisible(false);
            renderer.setDrawBarOutline(true);
            renderer.setSeriesPaint(0, Colors.series(axes.nextColour()));
            renderer.setSeriesOutlinePaint(0, Color.WHITE);
            axes.add(index, data, renderer);
        }
    }

    /**
     * A picture filling the axes from ({@code xMin}, {@code yMin}) to ({@code xMax}, {@code yMax}):
     * the colour of a model's prediction at each point of a grid, a heatmap's cells. One image,
     * not a rectangle per cell, keeps a 150×150 grid's SVG small.
     */
    record Field(BufferedImage image, double xMin, double xMax, double yMin, double yMax) implements Layer {
        @Override
        public void addTo(Axes axes, int index) {
            axes.background(this);
        }
    }
}

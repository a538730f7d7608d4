package dev.jautograd.plot;

import dev.jautograd.display.Display;
import dev.jautograd.display.DisplayHandle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A line plot that redraws itself in place while a loop runs: {@code live.add("loss", step, v)}.
 * A redraw costs a few milliseconds, so it happens at most {@link #REFRESH_NANOS} apart, and once
 * more, with every point, at {@link #close()}: the saved notebook keeps the whole curve.
 */
public final class LivePlot implements AutoCloseable {
    static final long REFRESH_NANOS = 500_000_000L;

    private final Map<String, List<double[]>> series = new LinkedHashMap<>();
    private final UnaryOperator<Plot> style;
    private DisplayHandle handle;
    private long nextRefresh;

    /** @param style what every redraw applies to the plot: title, labels, log scale */
    public LivePlot(UnaryOperator<Plot> style) {
        this.style = style;
    }

    /** A live plot whose redraws are styled by {@code style}, e.g. {@code p -> p.logY().xlabel("step")}. */
    public static LivePlot live(UnaryOperator<Plot> style) {
        return new LivePlot(style);
    }

    /** Adds a point to the series {@code name}, shows the plot on the first call, redraws now and then. */
    public LivePlot add(String name, double x, double y) {
        series.computeIfAbsent(name, k -> new ArrayList<>()).add(new double[] {x, y});
        long now = System.nanoTime();
        if (handle == null) {
            handle = Display.show(plot());
            nextRefresh = now + REFRESH_NANOS;
        } else if (now >= nextRefresh) {
            handle.update(plot());
            nextRefresh = System.nanoTime() + REFRESH_NANOS; // after the draw: a slow draw does not pile up
        }
        return this;
    }

    /** The plot with every point so far. */
    public Plot plot() {
        var plot = Plot.figure();
        series.forEach((name, points) -> {
            double[] x = new double[points.size()];
            double[] y = new double[points.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = points.get(i)[0];
                y[i] = points.get(i)[1];
            }
            plot.line(name, x, y);
        });
        return style.apply(plot);
    }

    /** Draws the final picture, with every point. */
    @Override
    public void close() {
        if (handle != null) {
            handle.update(plot());
        } else {
            handle = Display.show(plot());
        }
    }
}

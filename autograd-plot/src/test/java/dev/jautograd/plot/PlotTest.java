package dev.jautograd.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class PlotTest {
    private static final double[] STEPS = {1, 0.5, 0.25, 0.2, 0.1};

    /** Every kind of plot renders to SVG, PNG and text; the pictures land in target/ to look at. */
    @Test
    void everyKindRendersAllThreeMimeTypes() throws Exception {
        Torch.manualSeed(0);
        Tensor points = Torch.randn(100, 2);
        Tensor labels = points.matmul(Torch.tensor(new double[] {1, 1})).gt(0);
        Map<String, Supplier<Plot>> plots = Map.of(
                "line", () -> Plot.line(STEPS).line("test", new double[] {1.2, 0.7, 0.5, 0.4, 0.35}).logY().title("loss"),
                "scatter", () -> Plot.scatter(points, labels),
                "hist", () -> Plot.hist(Torch.randn(1000), 30),
                "heatmap", () -> Plot.heatmap(Torch.randn(8, 4)),
                "contourf", () -> Plot.contourf(new double[][] {{0, 1, 2}, {1, 2, 3}}, 0, 1, 0, 1),
                "boundary", () -> Plot.decisionBoundary(x -> x.matmul(Torch.tensor(new double[] {2, 2})), points, labels));
        Path dir = Files.createDirectories(Path.of("target", "plots"));
        for (var entry : plots.entrySet()) {
            Plot plot = entry.getValue().get();
            var bundle = plot.mimeBundle();
            assertEquals(List.of("text/plain", "text/html", "image/svg+xml", "image/png"), List.copyOf(bundle.keySet()), entry.getKey());
            assertTrue(bundle.get("text/html").startsWith("<img src=\"data:image/png;base64," + bundle.get("image/png") + "\""));
            // Inline in HTML (nbconvert, Notebook) an XML prolog or DOCTYPE breaks the picture.
            assertTrue(bundle.get("image/svg+xml").startsWith("<svg "), entry.getKey());
            byte[] png = plot.png();
            assertEquals((byte) 0x89, png[0]);
            Files.write(dir.resolve(entry.getKey() + ".png"), png);
            Files.writeString(dir.resolve(entry.getKey() + ".svg"), plot.svg());
        }
    }

    @Test
    void textSaysWhatIsDrawn() {
        assertEquals("Plot(\"loss\", line)", Plot.line(STEPS).title("loss").toString());
        assertEquals("Plot(field + points)", Plot.decisionBoundary(x -> x.matmul(Torch.tensor(new double[] {1, 0})),
                new double[][] {{0, 0}, {1, 1}}, new double[] {0, 1}).toString());
    }

    @Test
    void legendNamesTheSeries() {
        String svg = Plot.figure().line("train", STEPS).line("test", STEPS).svg();
        assertTrue(svg.contains(">train<") && svg.contains(">test<"), svg);
    }

    /**
     * A diverged loss (NaN, ±∞) is a gap, as in matplotlib: the plot still draws, its axes span
     * the finite values. An infinity failed the whole plot ("Must be finite."), and a live loss
     * curve failed the training loop that fed it.
     */
    @Test
    void nonFiniteValuesAreGapsNotFailures() {
        double[] diverged = {1, 0.5, Double.NaN, Double.POSITIVE_INFINITY, 0.25, Double.NEGATIVE_INFINITY, 0.2};
        var live = LivePlot.live(p -> p.logY());
        for (int step = 0; step < diverged.length; step++) {
            live.add("loss", step, diverged[step]);
        }
        List<Plot> plots = List.of(Plot.line(diverged), Plot.line(diverged).logY(), live.plot(),
                Plot.line(new double[] {Double.NaN, Double.POSITIVE_INFINITY}),
                Plot.scatter(new double[][] {{0, 1}, {Double.NaN, 2}, {1, Double.NEGATIVE_INFINITY}, {2, 3}}, null));
        for (Plot plot : plots) {
            assertTrue(plot.svg().startsWith("<svg "), plot.toString());
            assertEquals((byte) 0x89, plot.png()[0], plot.toString());
        }
        for (Plot plot : List.of(Plot.hist(diverged, 5), Plot.hist(new double[] {Double.NaN}, 5), Plot.hist(new double[0], 5),
                Plot.decisionBoundary(x -> x.sum(1), new double[][] {{0, 0}, {Double.NaN, 1}, {1, 1}}, null))) {
            assertTrue(plot.svg().startsWith("<svg "), plot.toString());
        }
        var e = assertThrows(IllegalArgumentException.class,
                () -> Plot.decisionBoundary(x -> x.sum(1), new double[0][2], null));
        assertEquals("decisionBoundary sizes the plane from the points, and got no point with finite coordinates (0 points)",
                e.getMessage());
        String svg = Plot.line(diverged).svg();
        assertTrue(svg.contains(">1.0<") || svg.contains(">1<"), "the y axis spans the finite values");
    }

    /**
     * A zero or a negative value on a log axis is left out of the picture and of the range, as in
     * matplotlib: a loss that reached 0 had stretched the axis down to 10⁻³⁰⁰ (the axis's floor)
     * and flattened the curve into a line at the top.
     */
    @Test
    void aLogAxisSpansThePositiveValuesOnly() {
        double[] steps = {0, 1, 2, 3, 4, 5};
        double[] loss = {1, 0.5, 0, -0.5, 0.2, 0.1};
        for (Layer layer : List.<Layer>of(new Layer.Line("", steps, loss), new Layer.Points("", steps, loss, null))) {
            var axes = new Axes("", "", false, true);
            layer.addTo(axes, 0);
            var range = axes.plot().getDataRange(axes.plot().getRangeAxis());
            assertEquals(0.1, range.getLowerBound(), layer.toString());
            assertEquals(1.0, range.getUpperBound(), layer.toString());
        }
        assertTrue(Plot.line(loss).logY().svg().startsWith("<svg "));
    }

    @Test
    void wrongShapesSayWhy() {
        var e = assertThrows(IllegalArgumentException.class, () -> Plot.line(new double[] {1, 2}, new double[] {1}));
        assertEquals("x and y must have the same length, got 2 and 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Plot.scatter(Torch.zeros(4, 3), null));
        assertEquals("points must be N×2 (x, y), got N×3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Plot.line("not numbers"));
        assertTrue(e.getMessage().startsWith("a plot takes a Tensor"), e.getMessage());
    }

    /**
     * The goal is 50 ms for a warm 1,000-point line plot; benchmarks/ PlotBench measures
     * it. Here only a bound a loaded CI machine still meets, which a slow path (a shape per point,
     * a text per number) would break.
     */
    @Test
    void aThousandPointLineIsQuickOnceWarm() {
        double[] y = new double[1000];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.exp(-i / 300.0);
        }
        for (int i = 0; i < 20; i++) {
            Plot.line(y).svg();
            Plot.line(y).png();
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            long t0 = System.nanoTime();
            Plot.line(y).svg();
            Plot.line(y).png();
            best = Math.min(best, System.nanoTime() - t0);
        }
        // Best of ten: a loaded CI machine slows some runs, not the fastest one.
        assertTrue(best < 1_000_000_000L, "SVG + PNG took " + best / 1e6 + " ms");
    }
}

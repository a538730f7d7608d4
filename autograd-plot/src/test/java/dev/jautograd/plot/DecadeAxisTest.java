package dev.jautograd.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which values a log axis labels: powers of ten, and 2 and 5 times them (or every multiple) on a short axis. */
class DecadeAxisTest {
    @ParameterizedTest(name = "{0} to {1}: {2}")
    @CsvSource(delimiter = ';', value = {
        "0.06; 0.8; 0.1 0.2 0.5", // training.ipynb's loss: one power of ten in view
        "0.0009; 100; 0.001 0.01 0.1 1.0 10.0 100.0", // many decades: powers of ten only, as matplotlib
        "0.05; 2; 0.1 1.0", // two powers in view: enough
        "0.22; 0.48; 0.3 0.4", // within a decade, no 2 or 5 but one: every multiple
        "0.12; 0.45; 0.2 0.3 0.4", // 0.2 alone among 2 and 5: every multiple
    })
    void labelsEnoughTicksToReadTheCurveBy(double lower, double upper, String expected) {
        var axis = new DecadeAxis("loss");
        axis.setRange(lower, upper);
        var g2 = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB).createGraphics();
        @SuppressWarnings("unchecked")
        List<ValueTick> ticks = axis.refreshTicks(g2, new AxisState(), new Rectangle2D.Double(0, 0, 400, 300), RectangleEdge.LEFT);
        String labelled = ticks.stream().filter(t -> t.getTickType() == TickType.MAJOR)
                .map(t -> Double.toString(round(t.getValue()))).sorted((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)))
                .reduce((a, b) -> a + " " + b).orElse("");
        assertEquals(expected, labelled);
    }

    /** Data a log axis cannot place (zeros, negatives, NaN, infinity, subnormals) still draws, and soon: no decade loop runs away. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {"0 0 0", "-1 -2 -3", "1 NaN 2", "1 Infinity", "1e-320 1e-310", "0.5", "1e300 1.7e308", "5 5 5"})
    void unplaceableDataStillDraws(String values) {
        double[] y = Arrays.stream(values.split(" ")).mapToDouble(Double::parseDouble).toArray();
        String svg = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Plot.figure().line("y", y).logY().svg());
        assertTrue(svg.startsWith("<svg") || svg.contains("<svg"), "not an SVG");
    }

    private static double round(double value) {
        return Double.parseDouble(String.format("%.6g", value));
    }
}

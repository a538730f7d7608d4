package dev.jautograd.bench;

import dev.jautograd.plot.Plot;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** One warm render of a 1,000-point line plot (issue 12's goal: at most 50 ms), as SVG and as PNG. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PlotBench {
    private double[] y;

    @Setup
    public void setup() {
        y = new double[1000];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.exp(-i / 300.0) + 0.05 * Math.sin(i / 5.0);
        }
    }

    @Benchmark
    public String lineSvg() {
        return Plot.line(y).title("loss").svg();
    }

    @Benchmark
    public byte[] linePng() {
        return Plot.line(y).title("loss").png();
    }
}

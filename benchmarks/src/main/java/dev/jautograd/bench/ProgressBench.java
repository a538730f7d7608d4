package dev.jautograd.bench;

import dev.jautograd.display.Display;
import dev.jautograd.display.Progress;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a progress bar costs a loop per step (issue 12's goal: at most 1 µs): a 100,000-step loop
 * with and without {@code progress(n)}, per step. The sink counts displays as a kernel would be
 * handed them, so the ten redraws a second are in the figure too.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProgressBench {
    private static final int STEPS = 100_000;
    private long shown;

    @Setup
    public void setup() {
        Display.install(new Display.Sink() {
            @Override
            public void show(Object value, String displayId) {
                shown += Display.plainText(value).length();
            }

            @Override
            public void update(Object value, String displayId) {
                shown += Display.plainText(value).length();
            }

            @Override
            public void clearOutput(boolean wait) {
            }
        });
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public long plainLoop() {
        long sum = 0;
        for (int step = 0; step < STEPS; step++) {
            sum += step;
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public long progressLoop() {
        long sum = 0;
        for (int step : Progress.progress(STEPS)) {
            sum += step;
        }
        return sum + shown;
    }
}

package dev.jautograd.bench;

import dev.jautograd.Tensor;
import dev.jautograd.Torch;
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

/** Workload 5: elementwise ops and reductions over 10⁷ float32 elements, no grad. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ElementwiseBench {
    static final int ROWS = 1000;
    static final int COLS = 10_000;

    private Tensor x;
    private Tensor y;
    private Tensor matrix;

    @Setup
    public void setup() {
        Torch.manualSeed(0);
        x = Torch.randn(ROWS * COLS);
        y = Torch.randn(ROWS * COLS);
        matrix = x.view(ROWS, COLS);
    }

    @Benchmark public Tensor add() { return x.add(y); }

    @Benchmark public Tensor mul() { return x.mul(y); }

    @Benchmark public Tensor exp() { return x.exp(); }

    @Benchmark public Tensor sigmoid() { return x.sigmoid(); }

    @Benchmark public Tensor sum() { return x.sum(); }

    /** Mean over the last dim of a 1000×10000 view: a row-wise reduction. */
    @Benchmark public Tensor meanDim() { return matrix.mean(1); }
}

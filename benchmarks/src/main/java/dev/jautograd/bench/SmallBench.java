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

/**
 * Workloads 1 and 2: per-op overhead on 8 floats, where the arithmetic is nothing and the
 * bookkeeping (shapes, graph nodes, the engine) is everything.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SmallBench {
    private Tensor a;
    private Tensor x;

    @Setup
    public void setup() {
        Torch.manualSeed(0);
        a = Torch.randn(8).requiresGrad_();
        x = Torch.randn(8);
    }

    /** y = (a*a + a).sum(); y.backward(): a four-node graph built and differentiated. */
    @Benchmark
    public Tensor smallGraph() {
        Tensor y = a.mul(a).add(a).sum();
        y.backward();
        return y;
    }

    /** x.add(x) without grad: one kernel call and one result tensor. */
    @Benchmark
    public Tensor smallOp() {
        return x.add(x);
    }
}

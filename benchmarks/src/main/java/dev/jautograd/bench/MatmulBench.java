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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Workload 3: fp32 square matmul, no grad. Which BLAS is active is printed by bench/compare.sh. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MatmulBench {
    @Param({"256", "512", "1024"})
    public int n;

    private Tensor a;
    private Tensor b;

    @Setup
    public void setup() {
        Torch.manualSeed(0);
        a = Torch.randn(n, n);
        b = Torch.randn(n, n);
    }

    @Benchmark
    public Tensor matmul() {
        return a.matmul(b);
    }
}

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
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Workload 6: the seed notebook (autograd-pytorch.ipynb) cell by cell, including the reprs each
 * cell displays, since printing is part of what a student waits for.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NotebookBench {
    @Benchmark
    public void notebook(Blackhole shown) {
        cells(shown::consume);
    }

    /** The notebook's cells in order; {@code shown} gets what each displays. */
    static void cells(java.util.function.Consumer<Object> shown) {
        Tensor a = Torch.tensor(new double[] {5}).requiresGrad_();
        Tensor b = Torch.tensor(new double[] {6}).requiresGrad_();
        shown.accept(a.toString());
        shown.accept(b.toString());
        Tensor y = a.pow(3).sub(b.pow(2));
        shown.accept(y.toString());
        shown.accept(String.valueOf(a.grad()));
        shown.accept(String.valueOf(b.grad()));
        y.backward();
        shown.accept(a.grad().toString());
        shown.accept(b.grad().toString());
        Torch.manualSeed(0);
        Tensor w = Torch.randn(10, 1).requiresGrad_();
        shown.accept(w.toString());
        Tensor x = Torch.randn(1, 10).requiresGrad_();
        shown.accept(x.toString());
        Tensor output = Torch.matmul(x, w).add(b);
        shown.accept(output.toString());
        Tensor loss = output.rsub(1);
        shown.accept(loss.toString());
        loss.backward();
        shown.accept(w.grad().toString());
        try (var noGrad = Torch.noGrad()) {
            w = w.sub(w.grad().data().mul(0.001));
        }
        shown.accept(w.toString());
    }
}

package dev.jautograd.bench;

import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import dev.jautograd.nn.Functional;
import dev.jautograd.nn.Linear;
import dev.jautograd.optim.SGD;
import java.util.ArrayList;
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

/** Workload 4: one MLP training step, 784→256→10, batch 128, ReLU, cross-entropy, SGD. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MlpBench {
    private Linear hidden;
    private Linear output;
    private SGD optimizer;
    private Tensor images;
    private Tensor labels;

    @Setup
    public void setup() {
        Torch.manualSeed(0);
        hidden = new Linear(784, 256);
        output = new Linear(256, 10);
        var params = new ArrayList<>(hidden.parameters());
        params.addAll(output.parameters());
        optimizer = new SGD(params, 0.01);
        images = Torch.randn(128, 784);
        labels = Torch.randint(0, 10, 128);
    }

    /** zero_grad, forward, loss, backward, step: the body of every training loop. */
    @Benchmark
    public Tensor step() {
        optimizer.zeroGrad();
        Tensor logits = output.forward(hidden.forward(images).relu());
        Tensor loss = Functional.crossEntropy(logits, labels);
        loss.backward();
        optimizer.step();
        return loss;
    }
}

package dev.jautograd.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a class trains: the tanh teaching loop, training.ipynb's loop, softmax, log-softmax, cross-entropy and a long
 * elementwise chain (per-op overhead at 1000 floats). The work: {@link Workloads}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ClassroomBench extends WorkloadBench {
    /** 1000 SGD steps of a 2→16→16→1 tanh MLP on 100 points, MSE. */
    @Benchmark public Object tanhLoop() { return step.get(); }

    /** 300 SGD steps of training.ipynb's 2→16→2 tanh MLP on 200 points, cross-entropy. */
    @Benchmark public Object moonsLoop() { return step.get(); }

    /** softmax over dim 1 of 1000×1000. */
    @Benchmark public Object softmax() { return step.get(); }

    /** log_softmax over dim 1 of 1000×1000. */
    @Benchmark public Object logSoftmax() { return step.get(); }

    /** cross-entropy of 1000×1000 logits, forward and backward. */
    @Benchmark public Object crossEntropy() { return step.get(); }

    /** 100 elementwise ops on 1000 floats, forward and backward. */
    @Benchmark public Object chain() { return step.get(); }
}

package dev.jautograd.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/** Workload 5: elementwise ops and reductions over 10⁷ float32 elements, no grad. The work: {@link Workloads}. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ElementwiseBench extends WorkloadBench {
    @Benchmark public Object add() { return step.get(); }

    @Benchmark public Object mul() { return step.get(); }

    @Benchmark public Object exp() { return step.get(); }

    @Benchmark public Object sigmoid() { return step.get(); }

    @Benchmark public Object sum() { return step.get(); }

    /** Mean over the last dim of a 1000×10000 view: a row-wise reduction. */
    @Benchmark public Object meanDim() { return step.get(); }

    /** Mean over the first dim of a 1000×10000 view: a reduction over the outer dim. */
    @Benchmark public Object meanDim0() { return step.get(); }
}

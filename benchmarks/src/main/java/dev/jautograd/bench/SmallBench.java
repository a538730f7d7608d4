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
 * Workloads 1 and 2: per-op overhead on 8 floats, where the arithmetic is nothing and the
 * bookkeeping (shapes, graph nodes, the engine) is everything. The work: {@link Workloads}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SmallBench extends WorkloadBench {
    /** y = (a*a + a).sum(); y.backward(): a four-node graph built and differentiated. */
    @Benchmark public Object smallGraph() { return step.get(); }

    /** x.add(x) without grad: one kernel call and one result tensor. */
    @Benchmark public Object smallOp() { return step.get(); }
}

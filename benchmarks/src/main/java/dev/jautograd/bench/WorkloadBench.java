package dev.jautograd.bench;

import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Base of the JMH benchmarks that time a {@link Workloads} step: each benchmark method's id
 * (class.method, then :param values, as compare.sh's table names it) picks the workload.
 */
@State(Scope.Thread)
public abstract class WorkloadBench {
    protected Supplier<Object> step;

    @Setup(Level.Trial)
    public void setup(BenchmarkParams params) {
        StringBuilder id = new StringBuilder(params.getBenchmark().replace("dev.jautograd.bench.", ""));
        String separator = ":";
        for (String key : params.getParamsKeys()) {
            id.append(separator).append(params.getParam(key));
            separator = ",";
        }
        step = Workloads.make(id.toString());
        settle(id.toString(), step);
    }

    /** Seconds {@link #settle} may take at most (BENCH_SETTLE_SECONDS; 0 skips it). */
    private static final double SETTLE_SECONDS = Double.parseDouble(
            System.getenv().getOrDefault("BENCH_SETTLE_SECONDS", "30"));
    /** A window's time per call must beat the best so far by this factor to count as still improving. */
    private static final double IMPROVEMENT = 0.95;
    private static final long WINDOW_NANOS = 250_000_000, QUIET_NANOS = 2_000_000_000L;

    /**
     * Runs the step until its time per call has stopped improving for two seconds, before JMH's
     * warm-up: steady state means after the JIT and the library's HotPath gates (each SIMD
     * kernel runs scalar until C2 has compiled its vector form) have settled, which takes
     * seconds, more on a loaded machine. JMH's fixed warm-up sometimes ended before a gate
     * turned, so one fork measured the warm-up (the 100-op chain: 325 µs to 8.49 ms in one
     * table). How long settling took is printed: it is the price a first run pays.
     */
    static void settle(String name, Supplier<Object> step) {
        long start = System.nanoTime(), limit = (long) (SETTLE_SECONDS * 1e9), improved = start;
        double best = Double.POSITIVE_INFINITY;
        while (System.nanoTime() - start < limit && System.nanoTime() - improved < QUIET_NANOS) {
            long from = System.nanoTime(), calls = 0;
            while (System.nanoTime() - from < WINDOW_NANOS) {
                step.get();
                calls++;
            }
            double perCall = (System.nanoTime() - from) / (double) calls;
            if (perCall < best * IMPROVEMENT) {
                best = perCall;
                improved = System.nanoTime();
            }
        }
        System.out.printf("# %s settled after %.1f s (best window %.1f µs per call)%n", name,
                (improved - start) / 1e9, best / 1e3);
    }
}

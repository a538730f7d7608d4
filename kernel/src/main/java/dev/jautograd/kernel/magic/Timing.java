package dev.jautograd.kernel.magic;

/**
 * The loops of {@code %timeit}, called from a snippet ({@code Timing.measure((IntToLongFunction)
 * n -> {...}, loops, runs)}) so that they run as cell code: Kernel &gt; Interrupt stops them as it
 * stops any cell (JShell's stop reaches only code it is executing). The statement's own loop is in
 * the snippet's lambda, where JShell's stop checks are.
 */
public final class Timing {
    /** IPython grows the loop count by tens until one run takes at least 0.2 s. */
    private static final double MIN_RUN_SECONDS = 0.2;
    /** An expression's value goes here, so the JIT cannot drop the work that made it. */
    private static volatile Object sink;

    private Timing() {
    }

    /** Runs the statement n times and returns the nanoseconds taken; may throw what the statement throws. */
    @FunctionalInterface
    public interface Body {
        long applyAsLong(int n) throws Exception;
    }

    public static void consume(Object value) {
        sink = value;
    }

    /**
     * {@code body.applyAsLong(n)} runs the statement n times and returns the nanoseconds taken.
     * Returns the loop count (found by warming up when {@code loops} is 0), then each run's seconds per loop.
     */
    public static double[] measure(Body body, int loops, int runs) throws Exception {
        int n = loops > 0 ? loops : calibrate(body);
        double[] out = new double[runs + 1];
        out[0] = n;
        for (int r = 1; r <= runs; r++) {
            out[r] = body.applyAsLong(n) / 1e9 / n;
        }
        return out;
    }

    /** Warms up while finding how many loops take at least 0.2 s: 1, 10, 100, ... */
    private static int calibrate(Body body) throws Exception {
        for (int loops = 1; ; loops *= 10) {
            if (body.applyAsLong(loops) / 1e9 >= MIN_RUN_SECONDS || loops >= 100_000_000) {
                return loops;
            }
        }
    }
}

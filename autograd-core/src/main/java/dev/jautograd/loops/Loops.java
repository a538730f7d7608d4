package dev.jautograd.loops;

/**
 * Switches for the loops' fast paths. Every fast path has a plain counterpart (the strided,
 * double-precision loops) that defines the expected values; tests run both and compare.
 *
 * <ul>
 *   <li>{@code -Djautograd.loops=plain}: only the plain loops (no dense float loops, no
 *       threads, no BLAS); for tests and for bisecting a suspected fast-path bug.</li>
 *   <li>{@code -Djautograd.threads=N}: worker count for large elementwise ops, reductions and the
 *       pure-Java matmul (default: available processors).</li>
 *   <li>{@code -Djautograd.blas=java}: skip the native BLAS even when one is installed (see {@link Blas}).</li>
 * </ul>
 */
public final class Loops {
    private static volatile boolean fastPaths = !"plain".equals(System.getProperty("jautograd.loops"));

    private Loops() {}

    public static boolean fastPaths() {
        return fastPaths;
    }

    /** Turns the fast paths on or off for the whole JVM (tests flip it to compare both paths). */
    public static void setFastPaths(boolean enabled) {
        fastPaths = enabled;
    }
}

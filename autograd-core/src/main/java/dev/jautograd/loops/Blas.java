package dev.jautograd.loops;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * General matrix multiply through dev.ludovic.netlib (the BLAS wrapper Spark uses): the system's
 * BLAS over JNI when one is installed ({@code libblas.so.3}, e.g. OpenBLAS from
 * {@code apt-get install libopenblas0}), otherwise netlib's pure-Java BLAS, which uses the Vector
 * API when the JVM runs with {@code --add-modules jdk.incubator.vector}. The Java BLAS is
 * single-threaded, so here it is split by rows over {@link Parallel}'s workers; OpenBLAS runs
 * its own threads.
 *
 * <p>{@code -Djautograd.blas=java} (or {@link #preferJava}) skips the native library. If the
 * netlib jar is missing altogether, {@link #available()} is false and callers use their plain
 * loops.
 */
public final class Blas {
    /** Below this many multiply-adds one thread is faster than waking a second one. */
    private static final long PARALLEL_FLOPS = 1L << 18;

    private static volatile boolean preferJava = "java".equals(System.getProperty("jautograd.blas"));

    private Blas() {}

    /** A matrix operand as column-major BLAS sees it: transposed or not, where it starts, its leading dim. */
    record Operand(boolean transposed, int offset, int ld) {
        String trans() {
            return transposed ? "T" : "N";
        }

        /** The operand starting {@code rows} rows further down the row-major matrix it came from. */
        Operand skipRows(int rows) {
            return new Operand(transposed, offset + (transposed ? rows : rows * ld), ld);
        }
    }

    public static boolean available() {
        return Libraries.NATIVE != null || JavaLibrary.JAVA != null;
    }

    private static final java.util.concurrent.atomic.AtomicBoolean LOADING = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Loads the BLAS on a daemon thread, for a caller that expects matrix products (a
     * {@code Linear} layer being built, a matrix made by {@code Torch.randn}/{@code rand}/{@code tensor}): the first load (netlib copying its JNI library out of
     * the jar, then OpenBLAS's dlopen and start-up) was 25-30 ms of a fresh JVM's first MLP step
     * (under load). A matmul that comes sooner waits for the same class initialisation, never
     * loads twice. With the fast paths off (no BLAS used) it does nothing.
     */
    public static void loadInBackground() {
        if (!Loops.fastPaths() || LOADING.getAndSet(true)) return;
        Parallel.background(new Loader(), "jautograd-blas-load").start();
    }

    /** A class, not {@code Blas::available}: a method reference is spun (~1 ms) the first time. */
    private static final class Loader implements Runnable {
        @Override
        public void run() {
            available();
        }
    }

    /** Forces the pure-Java BLAS (true) or lets the native one be used when present (false). */
    public static void preferJava(boolean java) {
        preferJava = java;
    }

    public static boolean prefersJava() {
        return preferJava;
    }

    /** Which implementation matmul uses right now, e.g. {@code dev.ludovic.netlib.blas.JNIBLAS}. */
    public static String active() {
        if (!available()) return "none (plain Java loops)";
        return current().getClass().getName();
    }

    private static dev.ludovic.netlib.blas.BLAS current() {
        return !preferJava && Libraries.NATIVE != null ? Libraries.NATIVE : JavaLibrary.JAVA;
    }

    private static boolean isNative(dev.ludovic.netlib.blas.BLAS blas) {
        return blas == Libraries.NATIVE;
    }

    /**
     * Row-major C (n×m, dense from {@code cOffset}) = A (n×k) · B (k×m). Column-major BLAS computes
     * Cᵀ = Bᵀ·Aᵀ instead: a row-major matrix is its own transpose read column-major.
     */
    static void sgemm(int n, int k, int m, float[] a, Operand opA, float[] b, Operand opB, float[] c, int cOffset) {
        var blas = current();
        if (!isNative(blas) && !opA.transposed() && !opB.transposed() && (long) n * k * m >= PARALLEL_FLOPS) {
            sgemmColumnMajor(blas, n, k, m, a, opA, b, opB, c, cOffset);
            return;
        }
        rows(blas, n, (long) n * k * m, new SgemmRows(blas, k, m, a, opA, b, opB, c, cOffset));
    }

    /**
     * Rows [from, to) of C by one sgemm. A class, not a lambda: linking a lambda of nine captures
     * cost a fresh JVM's first matmul ~1-3 ms (its method-handle forms are not archived).
     */
    private record SgemmRows(dev.ludovic.netlib.blas.BLAS blas, int k, int m, float[] a, Operand opA, float[] b,
                             Operand opB, float[] c, int cOffset) implements Parallel.Range {
        @Override
        public void run(int from, int to) {
            blas.sgemm(opB.trans(), opA.trans(), m, to - from, k, 1f, b, opB.offset(), opB.ld(),
                    a, opA.skipRows(from).offset(), opA.ld(), 0f, c, cOffset + from * m, m);
        }
    }

    /**
     * netlib's Java sgemm runs about twice as fast on ("T", "T") as on ("N", "N"): 36 against 17
     * GFLOP/s at 1024² on one core here. Row-major A and B read as "T" give C column-major, so
     * each worker computes its rows of C that way into a scratch block and transposes it into
     * place, which costs far less than the difference.
     */
    private static void sgemmColumnMajor(dev.ludovic.netlib.blas.BLAS blas, int n, int k, int m, float[] a,
                                         Operand opA, float[] b, Operand opB, float[] c, int cOffset) {
        Parallel.forRange(n, Parallel.MIN_PARALLEL, (from, to) -> {
            int rows = to - from;
            float[] block = new float[rows * m];
            blas.sgemm("T", "T", rows, m, k, 1f, a, opA.skipRows(from).offset(), opA.ld(),
                    b, opB.offset(), opB.ld(), 0f, block, 0, rows);
            transpose(block, rows, m, c, cOffset + from * m);
        });
    }

    /** Row-major c (rows×m) from column-major d, in tiles that stay in cache. */
    private static void transpose(float[] d, int rows, int m, float[] c, int cOffset) {
        final int tile = 32;
        for (int i0 = 0; i0 < rows; i0 += tile) {
            for (int j0 = 0; j0 < m; j0 += tile) {
                for (int i = i0, iEnd = Math.min(i0 + tile, rows); i < iEnd; i++) {
                    for (int j = j0, jEnd = Math.min(j0 + tile, m); j < jEnd; j++) c[cOffset + i * m + j] = d[i + j * rows];
                }
            }
        }
    }

    static void dgemm(int n, int k, int m, double[] a, Operand opA, double[] b, Operand opB, double[] c, int cOffset) {
        var blas = current();
        rows(blas, n, (long) n * k * m, new DgemmRows(blas, k, m, a, opA, b, opB, c, cOffset));
    }

    /** Rows [from, to) of C by one dgemm ({@link SgemmRows}' twin). */
    private record DgemmRows(dev.ludovic.netlib.blas.BLAS blas, int k, int m, double[] a, Operand opA, double[] b,
                             Operand opB, double[] c, int cOffset) implements Parallel.Range {
        @Override
        public void run(int from, int to) {
            blas.dgemm(opB.trans(), opA.trans(), m, to - from, k, 1.0, b, opB.offset(), opB.ld(),
                    a, opA.skipRows(from).offset(), opA.ld(), 0.0, c, cOffset + from * m, m);
        }
    }

    private static void rows(dev.ludovic.netlib.blas.BLAS blas, int n, long flops, Parallel.Range body) {
        if (isNative(blas) || flops < PARALLEL_FLOPS) body.run(0, n);
        else Parallel.forRange(n, Parallel.MIN_PARALLEL, body);
    }

    /** Loaded on first use, so a JVM that never multiplies matrices never touches netlib. */
    private static final class Libraries {
        static final dev.ludovic.netlib.blas.BLAS NATIVE = loadNative();

        /**
         * netlib's JNIBLAS itself, not {@code NativeBLAS.getInstance()}: that goes through
         * netlib's InstanceBuilder, which also builds the Java BLAS, and with the Vector API
         * module that initialises the API (VectorBLAS's species) on the first matmul's path,
         * a quarter of a second in a fresh JVM, for a BLAS that is not used.
         */
        private static dev.ludovic.netlib.blas.BLAS loadNative() {
            try {
                var getInstance = Class.forName("dev.ludovic.netlib.blas.JNIBLAS").getDeclaredMethod("getInstance");
                getInstance.setAccessible(true);
                return (dev.ludovic.netlib.blas.BLAS) getInstance.invoke(null);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError none) {
                return null; // no libblas.so.3 (or not loadable): the Java BLAS takes over
            }
        }
    }

    /** The pure-Java BLAS, built when first used (no native BLAS, or {@link #preferJava}). */
    private static final class JavaLibrary {
        static final dev.ludovic.netlib.blas.BLAS JAVA = loadJava();

        private static dev.ludovic.netlib.blas.BLAS loadJava() {
            try {
                return dev.ludovic.netlib.blas.JavaBLAS.getInstance();
            } catch (LinkageError missingJar) {
                Logger.getLogger(Blas.class.getName()).log(Level.FINE, "netlib BLAS not on the class path", missingJar);
                return null;
            }
        }
    }
}

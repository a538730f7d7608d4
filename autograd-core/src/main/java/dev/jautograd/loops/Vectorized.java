package dev.jautograd.loops;

/**
 * The gate to {@link VectorMath}, which uses the incubating Vector API. Only this class may
 * mention it: VectorMath is loaded only when the JVM was started with
 * {@code --add-modules jdk.incubator.vector}, so the library loads and runs without the flag.
 */
final class Vectorized {
    private static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("jautograd.noVector") && hasOptimizingJit(System.getProperty("java.vm.info"));

    private Vectorized() {}

    /**
     * The Vector API is fast only once C2 compiles it into SIMD instructions; under C1 alone
     * ({@code -XX:TieredStopAtLevel=1}, which start-up-minded launchers use) every vector op
     * allocates, and exp runs 45× slower than with C2 (314 ms against 7 ms for 10⁷ floats,
     * measured), far slower than the scalar loop. So it is used only where C2 runs. HotSpot says
     * so in {@code java.vm.info}: "emulated-client" when C1 compiles alone (TieredStopAtLevel=1,
     * CompilationMode=quick-only, however given), "interpreted mode" under -Xint. Asking the
     * management beans instead loaded ~150 classes on a first call's path (80-220 ms in a fresh
     * JVM under load, measured); the intermediate levels 2 and 3 (C1 with profiling, no C2) go
     * unnoticed, and their gates then just never turn hot.
     */
    static boolean hasOptimizingJit(String vmInfo) {
        return vmInfo == null || !(vmInfo.contains("emulated-client") || vmInfo.contains("interpreted mode"));
    }

    private static volatile boolean apiReady;
    private static final java.util.concurrent.atomic.AtomicBoolean API_STARTED = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Whether the Vector API has been initialised, which its first operation in a JVM does
     * (150-300 ms measured): the first ask starts that on a daemon thread, off the caller's
     * path, and the {@link HotPath} gates try vectors only after it. If it fails, never.
     */
    static boolean apiReady() {
        if (!apiReady && API_STARTED.compareAndSet(false, true)) {
            Thread init = new Thread(() -> {
                float[] a = new float[64];
                VectorMath.sigmoid(a, 0, a, 0, a.length);
                VectorTanh.tanh(a, 0, a, 0, a.length);
                apiReady = true;
            }, "jautograd-vector-init");
            init.setDaemon(true);
            init.start();
        }
        return apiReady;
    }

    static boolean available() {
        return AVAILABLE;
    }

    /** {@link CascadeKernels#rowSum} over vectors of 8 floats, with SIMD adds (the same bits). */
    static float[] cascadeLanes(float[] x, int row, int vecSize) {
        return VectorSum.cascadeLanes(x, row, vecSize);
    }

    /** Columns per block of {@link #columnSums}, or 0 without the Vector API. */
    static int columnBlock() {
        return AVAILABLE ? VectorSum.COLUMN_BLOCK : 0;
    }

    /** {@link CascadeKernels}' column sums for blocks [from, to) of {@link #columnBlock} columns, with SIMD adds (the same bits). */
    static void columnSums(float[] x, int base, int rowStride, int rows, int from, int to, float[] r, int rb, int outStride) {
        VectorSum.columns(x, base, rowStride, rows, from, to, r, rb, outStride);
    }

    /** Whether {@link SoftmaxKernel}'s rows of {@code n} elements take the SIMD rows of {@link VectorSoftmax}. */
    static boolean softmaxRows(int n) {
        return AVAILABLE && Loops.fastPaths() && n >= CascadeSum.LANES;
    }

    static void softmaxRow(float[] x, int at, float[] r, int rAt, int n) {
        VectorSoftmax.softmaxRow(x, at, r, rAt, n);
    }

    static void logSoftmaxRow(float[] x, int at, float[] r, int rAt, int n) {
        VectorSoftmax.logSoftmaxRow(x, at, r, rAt, n);
    }

    static void softmaxBackwardRow(float[] g, int gAt, float[] y, int yAt, float[] r, int rAt, int n) {
        VectorSoftmax.softmaxBackwardRow(g, gAt, y, yAt, r, rAt, n);
    }

    static void logSoftmaxBackwardRow(float[] g, int gAt, float[] y, int yAt, float[] r, int rAt, int n) {
        VectorSoftmax.logSoftmaxBackwardRow(g, gAt, y, yAt, r, rAt, n);
    }

    private static final HotPath EXP = new HotPath(), SIGMOID = new HotPath(), TANH = new HotPath();

    /**
     * Runs PyTorch's float32 {@code f} over a range of vector-loop elements with SIMD if it has a
     * vector form here (the same bits as {@link FloatFunction#pytorchFloat}); false if the caller must.
     * Scalar until the kernel's {@link HotPath} finds the SIMD form compiled and faster.
     */
    static boolean pytorchFloats(FloatFunction f, float[] x, int ox, float[] r, int or, int len) {
        if (!AVAILABLE || !Loops.fastPaths()) return false;
        HotPath gate = gate(f);
        if (gate == null) return false;
        if (gate.hot()) {
            vectorFloats(f, x, ox, r, or, len);
        } else {
            gate.run(0, len, 1, new FloatChunks(f, x, ox, r, or));
        }
        return true;
    }

    /** Whether {@code f}'s SIMD form has won its gate: it then runs vector, several times faster than scalar. */
    static boolean hot(FloatFunction f) {
        HotPath gate = gate(f);
        return AVAILABLE && Loops.fastPaths() && gate != null && gate.hot();
    }

    private static HotPath gate(FloatFunction f) {
        return switch (f) {
            case EXP -> EXP;
            case SIGMOID -> SIGMOID;
            case TANH -> TANH;
            default -> null;
        };
    }

    /** {@link #floatChunk} as a gate's work: a class, not a lambda a fresh JVM links on its first exp/tanh/sigmoid. */
    private record FloatChunks(FloatFunction f, float[] x, int ox, float[] r, int or) implements HotPath.Work {
        @Override
        public void run(int from, int to, boolean vector) {
            floatChunk(f, x, ox, r, or, from, to, vector);
        }
    }

    /** Elements [from, to) of a {@link #pytorchFloats} range on either path (the same bits). */
    static void floatChunk(FloatFunction f, float[] x, int ox, float[] r, int or, int from, int to, boolean vector) {
        if (vector) vectorFloats(f, x, ox + from, r, or + from, to - from);
        else for (int i = from; i < to; i++) r[or + i] = f.pytorchFloat(x[ox + i], true);
    }

    private static void vectorFloats(FloatFunction f, float[] x, int ox, float[] r, int or, int len) {
        switch (f) {
            case EXP -> VectorMath.exp(x, ox, r, or, len);
            case SIGMOID -> VectorMath.sigmoid(x, ox, r, or, len);
            case TANH -> VectorTanh.tanh(x, ox, r, or, len);
            default -> throw new IllegalArgumentException(f + " has no vector form");
        }
    }
}

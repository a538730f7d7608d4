package dev.jautograd.loops;

import static dev.jautograd.internal.TensorInternals.storage;

import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.storage.FloatStorage;

/**
 * PyTorch 1.13's float32 CPU softmax ({@code aten/src/ATen/native/cpu/SoftMaxKernel.cpp}) in
 * its exact order, so the probabilities (and the sums of them a student prints) carry the same
 * bits. Along the last dim ({@code _vec_softmax_lastdim}): the max, e = Sleef exp(x - max), their
 * sum by {@code vec::reduce_all} (8 lanes, then the lanes pairwise as the AVX2 shuffles add
 * them), then e · (1 / sum). Along another dim ({@code _vec_softmax}): 8 neighbouring columns at
 * a time with a running sum per lane and e / sum; the columns left over one by one with the
 * C library's exp ({@link GlibcExp}).
 *
 * <p>Last-dim kernels go row by row, each row wholly on one path (the SIMD rows of
 * {@link VectorSoftmax} or the scalar rows here, the same bits), rows split over the workers.
 */
public final class SoftmaxKernel {
    private static final int W = CascadeSum.LANES;
    /**
     * What a row costs against {@link Parallel}'s simple float work: an exp and three passes an
     * element, so rows go to the second thread from 8192 elements (PyTorch: from 2048).
     */
    private static final int ROW_COST = 4;
    /** One gate per SIMD row kernel: a row is done wholly by one path, so its bits never mix. */
    private static final HotPath SOFTMAX = new HotPath(), LOG_SOFTMAX = new HotPath(),
            SOFTMAX_BACKWARD = new HotPath(), LOG_SOFTMAX_BACKWARD = new HotPath();

    private SoftmaxKernel() {}

    /** One row of n floats: from a (and b, for gradients) into r, on the SIMD path or the scalar one. */
    private interface Row {
        void run(float[] a, int aAt, float[] b, int bAt, float[] r, int rAt, int n, boolean vector);
    }

    /**
     * The row functions as constants, not method references: a fresh JVM linked (and, the archive
     * not holding them, spun) each one on its first softmax / log_softmax / cross-entropy.
     */
    private enum Rows implements Row {
        SOFTMAX, LOG_SOFTMAX, LOG_SOFTMAX_BACKWARD, SOFTMAX_BACKWARD;

        @Override
        public void run(float[] a, int aAt, float[] b, int bAt, float[] r, int rAt, int n, boolean vector) {
            switch (this) {
                case SOFTMAX -> softmaxRow(a, aAt, b, bAt, r, rAt, n, vector);
                case LOG_SOFTMAX -> logSoftmaxRow(a, aAt, b, bAt, r, rAt, n, vector);
                case LOG_SOFTMAX_BACKWARD -> logSoftmaxBackwardRow(a, aAt, b, bAt, r, rAt, n, vector);
                case SOFTMAX_BACKWARD -> softmaxBackwardRow(a, aAt, b, bAt, r, rAt, n, vector);
            }
        }
    }

    /** softmax along {@code dim} of a float32 tensor; a new contiguous tensor. */
    public static Tensor softmax(Tensor input, int dim) {
        Tensor x = input.contiguous();
        int[] shape = x.shape();
        int n = shape[dim], outer = 1, inner = 1;
        for (int d = 0; d < dim; d++) outer *= shape[d];
        for (int d = dim + 1; d < shape.length; d++) inner *= shape[d];
        if (inner == 1) return lastDim(SOFTMAX, x, null, null, Rows.SOFTMAX);
        Tensor out = TensorInternals.empty(DType.FLOAT32, shape);
        float[] in = floats(x), r = floats(out);
        int base = x.storageOffset(), columns = inner;
        Parallel.forRange(outer, n * columns, (from, to) -> {
            for (int o = from; o < to; o++) otherDim(in, base + o * n * columns, r, o * n * columns, n, columns);
        });
        return out;
    }

    /**
     * log_softmax along the last dim of a float32 tensor ({@code _vec_log_softmax_lastdim}): the
     * max, Σ Sleef exp(x - max) in reduce_all's order, its log by Sleef's {@code logf_u10} (vec::map
     * over the rows' sums), then (x - max) - log Σ.
     */
    public static Tensor logSoftmaxLastDim(Tensor input) {
        return lastDim(LOG_SOFTMAX, input, null, null, Rows.LOG_SOFTMAX);
    }

    /**
     * log_softmax's gradient along the last dim of float32 tensors ({@code _vec_log_softmax_backward}):
     * per row Σ grad by reduce_all, then grad - Sleef exp(y) · Σ, which GCC compiles as one fused
     * multiply-add (rounded once).
     */
    public static Tensor logSoftmaxBackwardLastDim(Tensor grad, Tensor output) {
        return lastDim(LOG_SOFTMAX_BACKWARD, grad, output, null, Rows.LOG_SOFTMAX_BACKWARD);
    }

    /**
     * {@link #logSoftmaxBackwardLastDim} written over {@code grad} itself (dense, a buffer nobody
     * else reads): a row's Σ grad is taken before the row is overwritten, element by element, so
     * the same bits without a new 4 MB output to zero and pull into the cache.
     */
    public static Tensor logSoftmaxBackwardLastDimInPlace(Tensor grad, Tensor output) {
        return lastDim(LOG_SOFTMAX_BACKWARD, grad, output, grad, Rows.LOG_SOFTMAX_BACKWARD);
    }

    /**
     * softmax's gradient along the last dim of float32 tensors ({@code _vec_softmax_backward}): per
     * row Σ grad·y by map2_reduce_all (8 lane sums, each step a fused multiply-add as GCC compiles
     * acc + x·y; under 8 elements the products summed in turn), then (grad - Σ) · y.
     */
    public static Tensor softmaxBackwardLastDim(Tensor grad, Tensor output) {
        return lastDim(SOFTMAX_BACKWARD, grad, output, null, Rows.SOFTMAX_BACKWARD);
    }

    /**
     * {@code row} over every last-dim row of a (and b, of a's shape, when not null) into
     * {@code into} (a dense tensor of a's shape) or, when null, a new tensor.
     */
    private static Tensor lastDim(HotPath gate, Tensor a, Tensor b, Tensor into, Row row) {
        Tensor ac = a.contiguous(), bc = b == null ? null : b.contiguous();
        int[] shape = ac.shape();
        int n = shape[shape.length - 1], rows = ac.numel() / n;
        float[] as = floats(ac), bs = bc == null ? null : floats(bc);
        int aBase = ac.storageOffset(), bBase = bc == null ? 0 : bc.storageOffset();
        Into body = new RowSource(gate, row, n, as, aBase, bs, bBase);
        int[] done = {0};
        Tensor out = into != null ? into
                : asideWorthIt(rows, n) ? allocateAside(shape, rows, n, body, done)
                : TensorInternals.empty(DType.FLOAT32, shape);
        float[] r = floats(out);
        int rBase = out.storageOffset(), start = done[0];
        // rows claimed in batches (Parallel.forUnits): a worker that gets its core late takes fewer
        Parallel.forUnits(rows - start, n * ROW_COST, new Rest(body, r, rBase, start, n));
        return out;
    }

    /** Rows [from, to) written to r from r[rAt] on: the output, or the scratch of {@link #allocateAside}. */
    private interface Into {
        void rows(float[] r, int rAt, int from, int to);
    }

    // Small classes, not nested lambdas: a fresh JVM links (and, the archive not holding them,
    // spins) a lambda on its first softmax / log_softmax / cross-entropy.

    /** The rows of a (and b) through {@code row}, for the gate. */
    private record RowSource(HotPath gate, Row row, int n, float[] as, int aBase, float[] bs, int bBase) implements Into {
        @Override
        public void rows(float[] r, int rAt, int from, int to) {
            SoftmaxKernel.rows(gate, from, to, n, new Block(this, r, rAt - from * n));
        }
    }

    /** A block of rows written to r, row i at {@code shift + i * n}. */
    private record Block(RowSource source, float[] r, int shift) implements HotPath.Work {
        @Override
        public void run(int first, int end, boolean vector) {
            RowSource s = source;
            int n = s.n;
            for (int i = first; i < end; i++) s.row.run(s.as, s.aBase + i * n, s.bs, s.bBase + i * n, r, shift + i * n, n, vector);
        }
    }

    /** The rows from {@code start} on, into the output, for the workers. */
    private record Rest(Into body, float[] r, int rBase, int start, int n) implements Parallel.Range {
        @Override
        public void run(int from, int to) {
            body.rows(r, rBase + (start + from) * n, start + from, start + to);
        }
    }

    /** Outputs from this many floats (1 MB, outside the allocation buffers) are allocated aside. */
    private static final int ASIDE_MIN = 1 << 18;
    /** Floats of the caller's scratch for {@link #allocateAside}: more rows than a worker takes to allocate 4 MB. */
    private static final int SCRATCH_FLOATS = 1 << 18;
    /** The scratch, reused (1 MB, kept once a large softmax has run); null while a call holds it. */
    private static final java.util.concurrent.atomic.AtomicReference<float[]> SCRATCH = new java.util.concurrent.atomic.AtomicReference<>();

    private static boolean asideWorthIt(int rows, int n) {
        return (long) rows * n >= ASIDE_MIN && n <= SCRATCH_FLOATS / 16 && Parallel.splits(rows, n * ROW_COST);
    }

    /**
     * A new output whose zeroing runs on a worker ({@link Parallel#allocateAside}) while the
     * caller runs the first rows into a scratch buffer, copied into the output once it exists;
     * {@code done[0]} says how many. The same rows, the same bits, but the second core zeroes the
     * 4 MB of a 1000x1000 softmax instead of idling while the caller does (~0.1 ms).
     */
    private static Tensor allocateAside(int[] shape, int rows, int n, Into body, int[] done) {
        float[] held = SCRATCH.getAndSet(null), scratch = held != null ? held : new float[SCRATCH_FLOATS];
        float[] r = Parallel.allocateAside(rows * n, new ScratchRows(body, scratch, rows, n, done));
        System.arraycopy(scratch, 0, r, 0, done[0] * n);
        SCRATCH.set(scratch);
        return TensorInternals.wrap(new FloatStorage(r), shape);
    }

    /** The caller's steps in {@link #allocateAside}: a few rows at a time into the scratch, while they fit. */
    private static final class ScratchRows implements Parallel.Step {
        private final Into body;
        private final float[] scratch;
        private final int n, fit, step;
        private final int[] done;

        ScratchRows(Into body, float[] scratch, int rows, int n, int[] done) {
            this.body = body;
            this.scratch = scratch;
            this.n = n;
            this.fit = Math.min(rows, scratch.length / n);
            this.step = Math.max(1, Math.min(fit, HotPath.CHUNK_ELEMENTS * 4 / n));
            this.done = done;
        }

        @Override
        public boolean run() {
            int from = done[0], to = Math.min(fit, from + step);
            if (from >= to) return false;
            body.rows(scratch, from * n, from, to);
            done[0] = to;
            return true;
        }
    }

    private static float[] floats(Tensor t) {
        return ((FloatStorage) storage(t)).array();
    }

    /**
     * Rows [from, to) of n elements through {@code rows}: SIMD rows where they exist, once the
     * kernel's gate has found them compiled and faster (see {@link HotPath}).
     */
    private static void rows(HotPath gate, int from, int to, int n, HotPath.Work rows) {
        if (!Vectorized.softmaxRows(n)) rows.run(from, to, false);
        else if (gate.hot()) rows.run(from, to, true);
        else gate.run(from, to, n, rows);
    }

    private static void softmaxRow(float[] x, int at, float[] unused, int unusedAt, float[] r, int rAt, int n, boolean vector) {
        if (vector) {
            Vectorized.softmaxRow(x, at, r, rAt, n);
            return;
        }
        float max = rowMax(x, at, n);
        for (int i = 0; i < n; i++) r[rAt + i] = SleefExp.exp(x[at + i] - max);
        float scale = 1 / reduceAll(r, rAt, n);
        for (int i = 0; i < n; i++) r[rAt + i] = r[rAt + i] * scale;
    }

    private static void logSoftmaxRow(float[] x, int at, float[] unused, int unusedAt, float[] r, int rAt, int n, boolean vector) {
        if (vector) {
            Vectorized.logSoftmaxRow(x, at, r, rAt, n);
            return;
        }
        float max = rowMax(x, at, n);
        for (int i = 0; i < n; i++) r[rAt + i] = SleefExp.exp(x[at + i] - max);
        float logSum = SleefFloat.log(reduceAll(r, rAt, n));
        for (int i = 0; i < n; i++) r[rAt + i] = x[at + i] - max - logSum;
    }

    private static void logSoftmaxBackwardRow(float[] g, int gAt, float[] y, int yAt, float[] r, int rAt, int n, boolean vector) {
        if (vector) {
            Vectorized.logSoftmaxBackwardRow(g, gAt, y, yAt, r, rAt, n);
            return;
        }
        float sum = reduceAll(g, gAt, n);
        for (int i = 0; i < n; i++) r[rAt + i] = Math.fma(-SleefExp.exp(y[yAt + i]), sum, g[gAt + i]);
    }

    private static void softmaxBackwardRow(float[] g, int gAt, float[] y, int yAt, float[] r, int rAt, int n, boolean vector) {
        if (vector) {
            Vectorized.softmaxBackwardRow(g, gAt, y, yAt, r, rAt, n);
            return;
        }
        float sum = dotAll(g, gAt, y, yAt, n);
        for (int i = 0; i < n; i++) r[rAt + i] = (g[gAt + i] - sum) * y[yAt + i];
    }

    /** vec::reduce_all with vec::maximum, which lets NaN win. */
    private static float rowMax(float[] x, int at, int n) {
        float max = x[at];
        for (int i = 1; i < n; i++) max = maximum(max, x[at + i]);
        return max;
    }

    /** {@code vec::map2_reduce_all} with x·y and +. */
    private static float dotAll(float[] a, int aAt, float[] b, int bAt, int n) {
        if (n < W) {
            float acc = a[aAt] * b[bAt];
            for (int i = 1; i < n; i++) acc += a[aAt + i] * b[bAt + i];
            return acc;
        }
        float[] acc = new float[W];
        for (int l = 0; l < W; l++) acc[l] = a[aAt + l] * b[bAt + l];
        int d = W;
        for (; d < n - n % W; d += W) for (int l = 0; l < W; l++) acc[l] = Math.fma(a[aAt + d + l], b[bAt + d + l], acc[l]);
        for (int l = 0; d + l < n; l++) acc[l] = Math.fma(a[aAt + d + l], b[bAt + d + l], acc[l]);
        return combineLanes(acc);
    }

    /** vec::maximum: NaN wins. */
    private static float maximum(float a, float b) {
        return Float.isNaN(a) || Float.isNaN(b) ? Float.NaN : Math.max(a, b);
    }

    /** {@code vec::reduce_all} with +: eight lane sums (the tail into the first lanes), then lanes combined. */
    static float reduceAll(float[] v, int at, int n) {
        if (n < W) {
            float acc = v[at];
            for (int i = 1; i < n; i++) acc += v[at + i];
            return acc;
        }
        float[] acc = java.util.Arrays.copyOfRange(v, at, at + W);
        int d = W;
        for (; d < n - n % W; d += W) for (int l = 0; l < W; l++) acc[l] += v[at + d + l];
        for (int l = 0; d + l < n; l++) acc[l] += v[at + d + l];
        return combineLanes(acc);
    }

    /** reduce_all's last step, _mm256_permute2f128_ps then _mm256_shuffle_ps 0x4E and 0xB1: lane 0 ends as this. */
    static float combineLanes(float[] a) {
        return ((a[0] + a[4]) + (a[2] + a[6])) + ((a[1] + a[5]) + (a[3] + a[7]));
    }

    private static void otherDim(float[] x, int at, float[] r, int rAt, int n, int columns) {
        int c = 0;
        for (; c + W <= columns; c += W) {
            for (int l = 0; l < W; l++) column(x, at + c + l, r, rAt + c + l, n, columns, true);
        }
        for (; c < columns; c++) column(x, at + c, r, rAt + c, n, columns, false);
    }

    /** One column: lanes of the vectorised loop use Sleef's exp, the scalar tail the C library's. */
    private static void column(float[] x, int at, float[] r, int rAt, int n, int stride, boolean vectorLane) {
        float max = x[at];
        for (int d = 1; d < n; d++) max = vectorLane ? maximum(max, x[at + d * stride]) : Math.max(max, x[at + d * stride]);
        float sum = 0;
        for (int d = 0; d < n; d++) {
            float diff = x[at + d * stride] - max;
            float e = vectorLane ? SleefExp.exp(diff) : GlibcExp.exp(diff);
            r[rAt + d * stride] = e;
            sum += e;
        }
        for (int d = 0; d < n; d++) r[rAt + d * stride] = r[rAt + d * stride] / sum;
    }
}

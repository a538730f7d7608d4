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
 */
public final class SoftmaxKernel {
    private static final int W = CascadeSum.LANES;
    /** One gate per SIMD row kernel: a row is done wholly by one path, so its bits never mix. */
    private static final HotPath SOFTMAX = new HotPath(), LOG_SOFTMAX = new HotPath(),
            SOFTMAX_BACKWARD = new HotPath(), LOG_SOFTMAX_BACKWARD = new HotPath();

    private SoftmaxKernel() {}

    /** softmax along {@code dim} of a float32 tensor; a new contiguous tensor. */
    public static Tensor softmax(Tensor input, int dim) {
        Tensor x = input.contiguous();
        int[] shape = x.shape();
        int n = shape[dim], outer = 1, inner = 1;
        for (int d = 0; d < dim; d++) outer *= shape[d];
        for (int d = dim + 1; d < shape.length; d++) inner *= shape[d];
        Tensor out = TensorInternals.empty(DType.FLOAT32, shape);
        float[] in = ((FloatStorage) storage(x)).array(), r = ((FloatStorage) storage(out)).array();
        int base = x.storageOffset(), rows = outer, columns = inner;
        if (inner == 1) {
            Parallel.forRange(rows, n, (from, to) -> rows(SOFTMAX, from, to, n, (a, b, vector) -> {
                for (int row = a; row < b; row++) lastDim(in, base + row * n, r, row * n, n, vector);
            }));
        } else {
            Parallel.forRange(rows, n * columns, (from, to) -> {
                for (int o = from; o < to; o++) otherDim(in, base + o * n * columns, r, o * n * columns, n, columns);
            });
        }
        return out;
    }

    /**
     * log_softmax along the last dim of a float32 tensor ({@code _vec_log_softmax_lastdim}): the
     * max, Σ Sleef exp(x - max) in reduce_all's order, its log by Sleef's {@code logf_u10} (vec::map
     * over the rows' sums), then (x - max) - log Σ.
     */
    public static Tensor logSoftmaxLastDim(Tensor input) {
        Tensor x = input.contiguous();
        int[] shape = x.shape();
        int n = shape[shape.length - 1], rows = x.numel() / n;
        Tensor out = TensorInternals.empty(DType.FLOAT32, shape);
        float[] in = ((FloatStorage) storage(x)).array(), r = ((FloatStorage) storage(out)).array();
        int base = x.storageOffset();
        Parallel.forRange(rows, n, (from, to) -> rows(LOG_SOFTMAX, from, to, n, (a, b, vector) -> {
            for (int row = a; row < b; row++) {
                int at = base + row * n, rAt = row * n;
                if (vector) {
                    Vectorized.logSoftmaxRow(in, at, r, rAt, n);
                    continue;
                }
                float max = in[at];
                for (int i = 1; i < n; i++) max = maximum(max, in[at + i]);
                for (int i = 0; i < n; i++) r[rAt + i] = SleefExp.exp(in[at + i] - max);
                float logSum = SleefFloat.log(reduceAll(r, rAt, n));
                for (int i = 0; i < n; i++) r[rAt + i] = in[at + i] - max - logSum;
            }
        }));
        return out;
    }

    /**
     * log_softmax's gradient along the last dim of float32 tensors ({@code _vec_log_softmax_backward}):
     * per row Σ grad by reduce_all, then grad - Sleef exp(y) · Σ, which GCC compiles as one fused
     * multiply-add (rounded once).
     */
    public static Tensor logSoftmaxBackwardLastDim(Tensor grad, Tensor output) {
        Tensor g = grad.contiguous(), y = output.contiguous();
        int[] shape = y.shape();
        int n = shape[shape.length - 1], rows = y.numel() / n;
        Tensor out = TensorInternals.empty(DType.FLOAT32, shape);
        float[] gs = ((FloatStorage) storage(g)).array(), ys = ((FloatStorage) storage(y)).array();
        float[] r = ((FloatStorage) storage(out)).array();
        int gBase = g.storageOffset(), yBase = y.storageOffset();
        Parallel.forRange(rows, n, (from, to) -> rows(LOG_SOFTMAX_BACKWARD, from, to, n, (a, b, vector) -> {
            for (int row = a; row < b; row++) {
                if (vector) {
                    Vectorized.logSoftmaxBackwardRow(gs, gBase + row * n, ys, yBase + row * n, r, row * n, n);
                    continue;
                }
                float sum = reduceAll(gs, gBase + row * n, n);
                for (int i = 0; i < n; i++) {
                    r[row * n + i] = Math.fma(-SleefExp.exp(ys[yBase + row * n + i]), sum, gs[gBase + row * n + i]);
                }
            }
        }));
        return out;
    }

    /**
     * softmax's gradient along the last dim of float32 tensors ({@code _vec_softmax_backward}): per
     * row Σ grad·y by map2_reduce_all (8 lane sums, each step a fused multiply-add as GCC compiles
     * acc + x·y; under 8 elements the products summed in turn), then (grad - Σ) · y.
     */
    public static Tensor softmaxBackwardLastDim(Tensor grad, Tensor output) {
        Tensor g = grad.contiguous(), y = output.contiguous();
        int[] shape = y.shape();
        int n = shape[shape.length - 1], rows = y.numel() / n;
        Tensor out = TensorInternals.empty(DType.FLOAT32, shape);
        float[] gs = ((FloatStorage) storage(g)).array(), ys = ((FloatStorage) storage(y)).array();
        float[] r = ((FloatStorage) storage(out)).array();
        int gBase = g.storageOffset(), yBase = y.storageOffset();
        Parallel.forRange(rows, n, (from, to) -> rows(SOFTMAX_BACKWARD, from, to, n, (a, b, vector) -> {
            for (int row = a; row < b; row++) {
                int gAt = gBase + row * n, yAt = yBase + row * n;
                if (vector) {
                    Vectorized.softmaxBackwardRow(gs, gAt, ys, yAt, r, row * n, n);
                    continue;
                }
                float sum = dotAll(gs, gAt, ys, yAt, n);
                for (int i = 0; i < n; i++) r[row * n + i] = (gs[gAt + i] - sum) * ys[yAt + i];
            }
        }));
        return out;
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
        return ((acc[0] + acc[4]) + (acc[2] + acc[6])) + ((acc[1] + acc[5]) + (acc[3] + acc[7]));
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

    private static void lastDim(float[] x, int at, float[] r, int rAt, int n, boolean vector) {
        if (vector) {
            Vectorized.softmaxRow(x, at, r, rAt, n);
            return;
        }
        float max = x[at];
        for (int i = 1; i < n; i++) max = maximum(max, x[at + i]);
        for (int i = 0; i < n; i++) r[rAt + i] = SleefExp.exp(x[at + i] - max);
        float scale = 1 / reduceAll(r, rAt, n);
        for (int i = 0; i < n; i++) r[rAt + i] = r[rAt + i] * scale;
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
        // _mm256_permute2f128_ps, then _mm256_shuffle_ps 0x4E and 0xB1: lane 0 ends as this
        return ((acc[0] + acc[4]) + (acc[2] + acc[6])) + ((acc[1] + acc[5]) + (acc[3] + acc[7]));
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

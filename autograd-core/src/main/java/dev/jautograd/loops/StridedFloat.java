package dev.jautograd.loops;

import static dev.jautograd.internal.TensorInternals.storage;

import dev.jautograd.DType;
import dev.jautograd.Shapes;
import dev.jautograd.Tensor;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.storage.FloatStorage;

/**
 * Float32 arithmetic on any layout: transposed views (a weight gradient arriving through
 * {@code t()}), column broadcasts ({@code x - max(x, dim=1, keepdim=True)}), expanded tensors.
 * Walks the output row by row with an odometer over the leading dims, so no per-element index
 * array is built; each row is one strided loop.
 */
final class StridedFloat {
    private StridedFloat() {}

    /** One output row: r[or+i] from x[pa+i·sa] and y[pb+i·sb], i in [0, len). */
    @FunctionalInterface
    private interface Row {
        void run(float[] x, int pa, int sa, float[] y, int pb, int sb, float[] r, int or, int len);
    }

    /** A copy ignores its second operand: the source is read twice to reuse the two-operand walk. */
    private static final Row COPY = (x, pa, sa, y, pb, sb, r, or, len) -> {
        for (int i = 0; i < len; i++) r[or + i] = x[pa + i * sa];
    };

    /**
     * {@code src} broadcast into the contiguous float32 {@code dst} (contiguous(), clone of a
     * transposed gradient, copy_): true when done, false when the dtypes need the plain path.
     */
    static boolean copy(Tensor dst, Tensor src) {
        if (!(storage(dst) instanceof FloatStorage fd) || !(storage(src) instanceof FloatStorage fs)
                || !dst.isContiguous() || dst.numel() == 0) {
            return false;
        }
        int[] shape = dst.shape();
        float[] r = fd.array();
        if (shape.length == 0) {
            r[dst.storageOffset()] = fs.array()[src.storageOffset()];
            return true;
        }
        if (dst.storageOffset() != 0 || r.length != dst.numel()) return false; // a view into a larger storage
        int[] strides = Strided.broadcastStrides(src, shape);
        walk(fs.array(), src.storageOffset(), strides, fs.array(), src.storageOffset(), strides, shape, r, COPY);
        return true;
    }

    static Tensor zip(Tensor a, Tensor b, DType outType, Arith op) {
        if (outType != DType.FLOAT32 || !(storage(a) instanceof FloatStorage fa)
                || !(storage(b) instanceof FloatStorage fb)) {
            return null;
        }
        int[] shape = Shapes.broadcast(a.shape(), b.shape());
        Tensor out = TensorInternals.empty(DType.FLOAT32, shape);
        int rank = shape.length;
        if (out.numel() == 0) return out;
        if (rank == 0) {
            op.dense(fa.array(), a.storageOffset(), fb.array(), b.storageOffset(), array(out), 0, 1);
            return out;
        }
        int[] strideA = Strided.broadcastStrides(a, shape), strideB = Strided.broadcastStrides(b, shape);
        walk(fa.array(), a.storageOffset(), strideA, fb.array(), b.storageOffset(), strideB, shape, array(out),
                op::strided);
        return out;
    }

    private static void walk(float[] x, int pa, int[] strideA, float[] y, int pb, int[] strideB, int[] shape,
                             float[] r, Row op) {
        if (shape.length == 2 && (strideA[1] != 1 || strideB[1] != 1)) tiles(x, pa, strideA, y, pb, strideB, shape, r, op);
        else rows(x, pa, strideA, y, pb, strideB, shape, r, op);
    }

    private static void rows(float[] x, int pa, int[] strideA, float[] y, int pb, int[] strideB, int[] shape,
                             float[] r, Row op) {
        int rank = shape.length, len = shape[rank - 1], rows = r.length / len;
        int sa = strideA[rank - 1], sb = strideB[rank - 1];
        int[] counter = new int[rank - 1];
        for (int row = 0; row < rows; row++) {
            op.run(x, pa, sa, y, pb, sb, r, row * len, len);
            // Odometer over the leading dims: bump the last one, carrying into earlier ones.
            for (int d = rank - 2; d >= 0; d--) {
                pa += strideA[d];
                pb += strideB[d];
                if (++counter[d] < shape[d]) break;
                pa -= strideA[d] * shape[d];
                pb -= strideB[d] * shape[d];
                counter[d] = 0;
            }
        }
    }

    /**
     * A matrix with a column-major operand (a gradient arriving through {@code t()}): walking
     * whole rows would touch a new cache line per element, so go tile by tile instead, which
     * reuses each line loaded for the transposed operand 32 times.
     */
    private static void tiles(float[] x, int pa, int[] strideA, float[] y, int pb, int[] strideB, int[] shape,
                              float[] r, Row op) {
        final int tile = 32;
        int rows = shape[0], cols = shape[1];
        for (int i0 = 0; i0 < rows; i0 += tile) {
            for (int j0 = 0; j0 < cols; j0 += tile) {
                int len = Math.min(tile, cols - j0);
                for (int i = i0, iEnd = Math.min(i0 + tile, rows); i < iEnd; i++) {
                    op.run(x, pa + i * strideA[0] + j0 * strideA[1], strideA[1],
                            y, pb + i * strideB[0] + j0 * strideB[1], strideB[1], r, i * cols + j0, len);
                }
            }
        }
    }

    private static float[] array(Tensor t) {
        return ((FloatStorage) storage(t)).array();
    }
}

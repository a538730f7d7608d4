package dev.jautograd.loops;

import static dev.jautograd.internal.TensorInternals.storage;

import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.storage.DoubleStorage;
import dev.jautograd.storage.FloatStorage;

/**
 * The BLAS path of mm and bmm for float32 and float64. Operands are passed to BLAS in place when
 * their last two dims are row-major or column-major (so {@code b.t()} in a backward formula costs
 * no copy); any other layout is copied to a contiguous tensor first.
 */
final class Gemm {
    private Gemm() {}

    static boolean applies(Tensor a, Tensor b, DType outType) {
        if (!Loops.fastPaths() || !Blas.available() || a.dtype() != outType || b.dtype() != outType) return false;
        return outType == DType.FLOAT32 || outType == DType.FLOAT64;
    }

    /** out[i] = a[i] · b[i] for each batch index i of 3-D tensors (or once, for 2-D ones). */
    static Tensor multiply(Tensor a, Tensor b, DType outType) {
        boolean batched = a.dim() == 3;
        int batch = batched ? a.size(0) : 1, rank = a.dim();
        int n = a.size(rank - 2), k = a.size(rank - 1), m = b.size(rank - 1);
        Tensor out = batched ? TensorInternals.empty(outType, batch, n, m) : TensorInternals.empty(outType, n, m);
        if (batch == 0 || n == 0 || m == 0 || k == 0) return out; // an empty sum is zero, as out already is
        a = blasReady(a, batch);
        b = blasReady(b, batch);
        for (int i = 0; i < batch; i++) {
            Blas.Operand opA = operand(a, i), opB = operand(b, i);
            int outOffset = i * n * m;
            if (outType == DType.FLOAT32) Blas.sgemm(n, k, m, floats(a), opA, floats(b), opB, floats(out), outOffset);
            else Blas.dgemm(n, k, m, doubles(a), opA, doubles(b), opB, doubles(out), outOffset);
        }
        return out;
    }

    /**
     * The tensor itself when BLAS can read its matrices in place, else a contiguous copy. The
     * batch offsets only grow, so if the first and last matrices fit, all do.
     */
    private static Tensor blasReady(Tensor t, int batch) {
        boolean inPlace = operand(t, 0) != null && operand(t, batch - 1) != null;
        return inPlace ? t : Copy.materialize(t, t.dtype());
    }

    /**
     * How BLAS reads matrix {@code batchIndex} of {@code t}: row-major rows (stride 1 along the
     * columns) or column-major (stride 1 along the rows), with a leading dim that covers a full
     * row or column. A size-1 dim's stride is never used, so it does not constrain the layout.
     * netlib checks that every stored column spans a whole leading dim inside the array, which a
     * view with a wide leading dim near the end of its storage fails: those get copied.
     */
    static Blas.Operand operand(Tensor t, int batchIndex) {
        int rank = t.dim();
        int rows = t.size(rank - 2), cols = t.size(rank - 1);
        int rowStride = t.stride(rank - 2), colStride = t.stride(rank - 1);
        int offset = t.storageOffset() + (rank == 3 ? batchIndex * t.stride(0) : 0);
        int size = storage(t).size();
        if (cols == 1 || colStride == 1) {
            int ld = rows == 1 ? Math.max(cols, 1) : rowStride;
            if (ld >= Math.max(cols, 1) && (long) offset + (long) rows * ld <= size) {
                return new Blas.Operand(false, offset, ld);
            }
        }
        if (rows == 1 || rowStride == 1) {
            int ld = cols == 1 ? Math.max(rows, 1) : colStride;
            if (ld >= Math.max(rows, 1) && (long) offset + (long) cols * ld <= size) {
                return new Blas.Operand(true, offset, ld);
            }
        }
        return null;
    }

    private static float[] floats(Tensor t) {
        return ((FloatStorage) storage(t)).array();
    }

    private static double[] doubles(Tensor t) {
        return ((DoubleStorage) storage(t)).array();
    }
}

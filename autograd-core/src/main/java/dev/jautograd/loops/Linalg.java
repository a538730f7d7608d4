package dev.jautograd.loops;

import static dev.jautograd.internal.TensorInternals.storage;

import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.storage.Storage;

/**
 * Matrix products. Float32 and float64 go to BLAS ({@link Gemm}); the plain path (other dtypes,
 * or {@code -Djautograd.loops=plain}) multiplies contiguous double copies with a triple loop.
 */
public final class Linalg {
    private Linalg() {}

    /** (n×k) @ (k×m) for 2-D tensors whose shapes the caller has checked. */
    public static Tensor mm(Tensor a, Tensor b, DType outType) {
        if (Gemm.applies(a, b, outType)) return Gemm.multiply(a, b, outType);
        int n = a.size(0), k = a.size(1), m = b.size(1);
        double[] x = Copy.toDoubles(a), y = Copy.toDoubles(b);
        Tensor out = TensorInternals.empty(outType, n, m);
        multiplyInto(x, 0, y, 0, n, k, m, storage(out), 0);
        return out;
    }

    /** Batched (B×n×k) @ (B×k×m). */
    public static Tensor bmm(Tensor a, Tensor b, DType outType) {
        if (Gemm.applies(a, b, outType)) return Gemm.multiply(a, b, outType);
        int batch = a.size(0), n = a.size(1), k = a.size(2), m = b.size(2);
        double[] x = Copy.toDoubles(a), y = Copy.toDoubles(b);
        Tensor out = TensorInternals.empty(outType, batch, n, m);
        for (int i = 0; i < batch; i++) {
            multiplyInto(x, i * n * k, y, i * k * m, n, k, m, storage(out), i * n * m);
        }
        return out;
    }

    private static void multiplyInto(double[] x, int xOff, double[] y, int yOff, int n, int k, int m,
                                     Storage out, int outOff) {
        double[] row = new double[m];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(row, 0);
            // i-k-j order walks y and row contiguously, so the inner loop vectorises.
            for (int p = 0; p < k; p++) {
                double xv = x[xOff + i * k + p];
                int yRow = yOff + p * m;
                for (int j = 0; j < m; j++) row[j] += xv * y[yRow + j];
            }
            for (int j = 0; j < m; j++) out.set(outOff + i * m + j, row[j]);
        }
    }
}

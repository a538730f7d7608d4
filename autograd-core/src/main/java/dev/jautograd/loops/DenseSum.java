package dev.jautograd.loops;

import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.storage.FloatStorage;

/**
 * Sums of a contiguous float32 tensor over one block of adjacent dims, seen as an
 * (outer, reduced, inner) array: sum over all, over the last dims (row means) or over the
 * leading dims (a bias gradient). Accumulates in double like the plain path; the row sums use
 * eight partial sums (a different order, well within float32 rounding), which lets the adds
 * overlap instead of waiting on one another.
 */
final class DenseSum {
    private DenseSum() {}

    /** The sum, or null when the layout or the reduced dims do not fit this path. */
    static Tensor sum(Tensor a, boolean[] reduced, int[] outShape, DType outType) {
        if (outType != DType.FLOAT32 || !(a.storage() instanceof FloatStorage fs) || !a.isContiguous()) return null;
        int[] shape = a.shape();
        int first = 0, last = shape.length - 1;
        while (first < shape.length && !reduced[first]) first++;
        while (last >= 0 && !reduced[last]) last--;
        if (first > last) return null;
        for (int d = first; d <= last; d++) if (!reduced[d]) return null;
        int outer = product(shape, 0, first), length = product(shape, first, last + 1);
        int inner = product(shape, last + 1, shape.length);
        Tensor out = Tensor.empty(DType.FLOAT32, outShape);
        float[] x = fs.array(), r = ((FloatStorage) out.storage()).array();
        int base = a.storageOffset();
        if (inner == 1) sumRows(x, base, outer, length, r);
        else sumColumns(x, base, outer, length, inner, r);
        return out;
    }

    private static void sumRows(float[] x, int base, int rows, int length, float[] r) {
        if (rows == 1 && length >= Parallel.MIN_PARALLEL) {
            r[0] = (float) sumSplit(x, base, length);
            return;
        }
        Parallel.forRange(rows, length, (from, to) -> {
            for (int row = from; row < to; row++) r[row] = (float) rowSum(x, base + row * length, length);
        });
    }

    /** One long sum: a partial sum per worker, added in order. */
    private static double sumSplit(float[] x, int base, int length) {
        int chunks = Parallel.threads();
        double[] partial = new double[chunks];
        Parallel.forRange(chunks, Parallel.MIN_PARALLEL, (from, to) -> {
            for (int c = from; c < to; c++) {
                int start = (int) ((long) length * c / chunks), end = (int) ((long) length * (c + 1) / chunks);
                partial[c] = rowSum(x, base + start, end - start);
            }
        });
        double total = 0;
        for (double p : partial) total += p;
        return total;
    }

    private static double rowSum(float[] x, int from, int length) {
        if (Vectorized.available()) return Vectorized.sum(x, from, length);
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            int at = from + i;
            s0 += x[at]; s1 += x[at + 1]; s2 += x[at + 2]; s3 += x[at + 3];
            s4 += x[at + 4]; s5 += x[at + 5]; s6 += x[at + 6]; s7 += x[at + 7];
        }
        for (; i < length; i++) s0 += x[from + i];
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** Sums over a middle (or leading) block: each output column accumulates in the plain path's order. */
    private static void sumColumns(float[] x, int base, int outer, int length, int inner, float[] r) {
        if (outer == 1) {
            Parallel.forRange(inner, length, (from, to) -> columnBlock(x, base, length, inner, from, to, r, 0));
            return;
        }
        Parallel.forRange(outer, length * inner, (from, to) -> {
            for (int o = from; o < to; o++) columnBlock(x, base + o * length * inner, length, inner, 0, inner, r, o * inner);
        });
    }

    private static void columnBlock(float[] x, int base, int length, int inner, int from, int to, float[] r, int rOff) {
        double[] acc = new double[to - from];
        for (int p = 0; p < length; p++) {
            int row = base + p * inner + from;
            for (int i = 0; i < acc.length; i++) acc[i] += x[row + i];
        }
        for (int i = 0; i < acc.length; i++) r[rOff + from + i] = (float) acc[i];
    }

    private static int product(int[] shape, int from, int to) {
        int p = 1;
        for (int d = from; d < to; d++) p *= shape[d];
        return p;
    }
}

package dev.jautograd.loops;

import static dev.jautograd.internal.TensorInternals.storage;

import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.storage.FloatStorage;
import dev.jautograd.storage.Storage;

/** Sums over chosen dims: float32 in PyTorch's order ({@link CascadeSum}), the rest accumulating in double. */
public final class Reduce {
    private Reduce() {}

    /**
     * Sum over {@code reduced[d] == true} dims. The result keeps reduced dims as size 1 when
     * {@code keepdim}, and drops them otherwise.
     */
    public static Tensor sum(Tensor a, boolean[] reduced, boolean keepdim, DType outType) {
        int[] shape = a.shape();
        int[] keptShape = new int[shape.length];
        for (int d = 0; d < shape.length; d++) keptShape[d] = reduced[d] ? 1 : shape[d];
        if (outType == DType.FLOAT32 && storage(a) instanceof FloatStorage fs) {
            Tensor out = TensorInternals.empty(outType, keepdim ? keptShape : dropReduced(shape, reduced));
            ReductionLayout layout = ReductionLayout.of(shape, a.stride(), reduced);
            CascadeSum.sum(fs.array(), a.storageOffset(), layout, ((FloatStorage) storage(out)).array());
            return out;
        }
        if (outType == DType.INT64) return LongArith.sum(a, reduced, keptShape, keepdim ? keptShape : dropReduced(shape, reduced));
        double[] acc = accumulate(a, reduced, keptShape);
        Tensor out = TensorInternals.empty(outType, keepdim ? keptShape : dropReduced(shape, reduced));
        Storage s = storage(out);
        for (int i = 0; i < acc.length; i++) s.set(i, acc[i]);
        return out;
    }

    /**
     * PyTorch's CPU mean: the sum, then {@code div_} by the count of reduced elements, which for
     * float32 is a float division by the count rounded to float. The fresh sum is divided in
     * place by a plain loop (vectorised by the JIT), not through a per-element lambda.
     */
    public static Tensor mean(Tensor a, boolean[] reduced, boolean keepdim, int count) {
        Tensor sum = sum(a, reduced, keepdim, a.dtype());
        if (storage(sum) instanceof FloatStorage fs) {
            float[] s = fs.array();
            float divisor = count;
            for (int i = 0, n = sum.numel(); i < n; i++) s[i] /= divisor;
            return sum;
        }
        return Elementwise.map(sum, a.dtype(), x -> x / count);
    }

    private static double[] accumulate(Tensor a, boolean[] reduced, int[] keptShape) {
        int[] shape = a.shape();
        // Where each input element lands in the output: output strides, with 0 along reduced dims.
        int[] landing = dev.jautograd.Shapes.contiguousStrides(keptShape);
        for (int d = 0; d < shape.length; d++) if (reduced[d]) landing[d] = 0;
        int[] from = Strided.offsets(a);
        int[] to = Strided.offsets(shape, landing, 0);
        double[] acc = new double[dev.jautograd.Shapes.numel(keptShape)];
        Storage s = storage(a);
        for (int i = 0; i < from.length; i++) acc[to[i]] += s.get(from[i]);
        return acc;
    }

    private static int[] dropReduced(int[] shape, boolean[] reduced) {
        int kept = 0;
        for (boolean r : reduced) if (!r) kept++;
        int[] out = new int[kept];
        for (int d = 0, k = 0; d < shape.length; d++) if (!reduced[d]) out[k++] = shape[d];
        return out;
    }

    /**
     * The maximum along {@code dim} and the index of its first occurrence, both with the dim
     * kept as size 1. NaN wins, as in PyTorch.
     */
    public static Tensor[] maxAlong(Tensor x, int dim) {
        int[] shape = x.shape();
        if (shape.length == 0) return new Tensor[] {x.detach(), TensorInternals.empty(DType.INT64)};
        int n = shape[dim], outer = 1, inner = 1;
        if (n == 0) throw new IllegalArgumentException("max(): Expected reduction dim " + dim + " to have non-zero size.");
        for (int i = 0; i < dim; i++) outer *= shape[i];
        for (int i = dim + 1; i < shape.length; i++) inner *= shape[i];
        double[] values = x.toDoubleArray();
        shape[dim] = 1;
        Tensor max = TensorInternals.empty(x.dtype(), shape), argmax = TensorInternals.empty(DType.INT64, shape);
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int best = 0;
                for (int k = 1; k < n; k++) {
                    double v = values[(o * n + k) * inner + i], b = values[(o * n + best) * inner + i];
                    if (!Double.isNaN(b) && (v > b || Double.isNaN(v))) best = k;
                }
                storage(max).set(o * inner + i, values[(o * n + best) * inner + i]);
                storage(argmax).setLong(o * inner + i, best);
            }
        }
        return new Tensor[] {max, argmax};
    }
}

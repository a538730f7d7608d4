package dev.jautograd.kernels;

import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.storage.Storage;

/** Sums over chosen dims, accumulating in double. */
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
        double[] acc = accumulate(a, reduced, keptShape);
        Tensor out = Tensor.empty(outType, keepdim ? keptShape : dropReduced(shape, reduced));
        Storage s = out.storage();
        for (int i = 0; i < acc.length; i++) s.set(i, acc[i]);
        return out;
    }

    private static double[] accumulate(Tensor a, boolean[] reduced, int[] keptShape) {
        int[] shape = a.shape();
        // Where each input element lands in the output: output strides, with 0 along reduced dims.
        int[] landing = dev.jautograd.Shapes.contiguousStrides(keptShape);
        for (int d = 0; d < shape.length; d++) if (reduced[d]) landing[d] = 0;
        int[] from = Strided.offsets(a);
        int[] to = Strided.offsets(shape, landing, 0);
        double[] acc = new double[dev.jautograd.Shapes.numel(keptShape)];
        Storage s = a.storage();
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
}

package dev.jautograd.loops;

import dev.jautograd.Shapes;
import dev.jautograd.Tensor;

/** Walks a strided tensor in row-major (logical) order, yielding storage indices. */
public final class Strided {
    private Strided() {}

    /** Storage index of each element, in row-major order of {@code shape}. */
    public static int[] offsets(int[] shape, int[] strides, int offset) {
        int n = Shapes.numel(shape);
        int[] out = new int[n];
        int rank = shape.length;
        int[] counter = new int[rank];
        int at = offset;
        for (int i = 0; i < n; i++) {
            out[i] = at;
            // Odometer increment: bump the last dim, carrying into earlier dims.
            for (int d = rank - 1; d >= 0; d--) {
                if (++counter[d] < shape[d]) {
                    at += strides[d];
                    break;
                }
                at -= strides[d] * (shape[d] - 1);
                counter[d] = 0;
            }
        }
        return out;
    }

    public static int[] offsets(Tensor t) {
        return offsets(t.shape(), t.stride(), t.storageOffset());
    }

    /** Strides that read {@code t} as if expanded to {@code shape}: broadcast dims get stride 0. */
    public static int[] broadcastStrides(Tensor t, int[] shape) {
        int[] tShape = t.shape(), tStrides = t.stride();
        int[] out = new int[shape.length];
        int lead = shape.length - tShape.length;
        for (int d = 0; d < tShape.length; d++) {
            out[lead + d] = tShape[d] == shape[lead + d] ? tStrides[d] : 0;
        }
        return out;
    }
}

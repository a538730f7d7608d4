package dev.jautograd.loops;

import static dev.jautograd.internal.TensorInternals.storage;

import dev.jautograd.DType;
import dev.jautograd.Shapes;
import dev.jautograd.Tensor;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.storage.FloatStorage;
import dev.jautograd.storage.Storage;

/** Moving elements: materialising views, casting dtypes, copying into existing tensors. */
public final class Copy {
    private Copy() {}

    public static double[] toDoubles(Tensor t) {
        int n = t.numel();
        double[] out = new double[n];
        Storage s = storage(t);
        if (t.isContiguous()) {
            int base = t.storageOffset();
            for (int i = 0; i < n; i++) out[i] = s.get(base + i);
        } else {
            int[] at = Strided.offsets(t);
            for (int i = 0; i < n; i++) out[i] = s.get(at[i]);
        }
        return out;
    }

    public static long[] toLongs(Tensor t) {
        int n = t.numel();
        long[] out = new long[n];
        Storage s = storage(t);
        int[] at = Strided.offsets(t);
        for (int i = 0; i < n; i++) out[i] = s.getLong(at[i]);
        return out;
    }

    /** A new contiguous tensor of {@code dtype} with {@code t}'s values (row-major). */
    public static Tensor materialize(Tensor t, DType dtype) {
        Tensor out = TensorInternals.empty(dtype, t.shape());
        copyInto(out, t);
        return out;
    }

    /** Writes {@code src}, broadcast to {@code dst}'s shape and cast to its dtype, into {@code dst}. */
    public static void copyInto(Tensor dst, Tensor src) {
        int[] shape = dst.shape();
        int[] broadcast = Shapes.broadcast(shape, src.shape());
        if (!Shapes.same(broadcast, shape)) {
            throw new IllegalArgumentException("output with shape " + Shapes.listString(shape)
                    + " doesn't match the broadcast shape " + Shapes.listString(broadcast));
        }
        if (Loops.fastPaths() && sameDenseFloats(dst, src)) {
            System.arraycopy(((FloatStorage) storage(src)).array(), src.storageOffset(),
                    ((FloatStorage) storage(dst)).array(), dst.storageOffset(), dst.numel());
            return;
        }
        if (Loops.fastPaths() && StridedFloat.copy(dst, src)) return;
        int[] to = Strided.offsets(dst);
        int[] from = Strided.offsets(shape, Strided.broadcastStrides(src, shape), src.storageOffset());
        Storage out = storage(dst), in = storage(src);
        boolean integral = !dst.dtype().isFloatingPoint() && !src.dtype().isFloatingPoint();
        for (int i = 0; i < to.length; i++) {
            if (integral) out.setLong(to[i], in.getLong(from[i]));
            else out.set(to[i], in.get(from[i]));
        }
    }

    private static boolean sameDenseFloats(Tensor dst, Tensor src) {
        return storage(dst) instanceof FloatStorage && storage(src) instanceof FloatStorage
                && dst.isContiguous() && src.isContiguous() && dst.numel() == src.numel();
    }
}

package dev.jautograd.loops;

import static dev.jautograd.internal.TensorInternals.storage;

import dev.jautograd.DType;
import dev.jautograd.Shapes;
import dev.jautograd.Tensor;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.storage.Storage;

/**
 * int64 +, -, * in long arithmetic: exact beyond 2^53 and wrapping on overflow, as PyTorch's
 * int64 kernels (two's complement), where a round trip through double would round and clamp.
 */
final class LongArith {
    private LongArith() {}

    static Tensor zip(Tensor a, Tensor b, Arith op) {
        int[] shape = Shapes.broadcast(a.shape(), b.shape());
        Tensor out = TensorInternals.empty(DType.INT64, shape);
        int[] atA = Strided.offsets(shape, Strided.broadcastStrides(a, shape), a.storageOffset());
        int[] atB = Strided.offsets(shape, Strided.broadcastStrides(b, shape), b.storageOffset());
        Storage sa = storage(a), sb = storage(b), dst = storage(out);
        for (int i = 0; i < atA.length; i++) {
            long x = sa.getLong(atA[i]), y = sb.getLong(atB[i]);
            dst.setLong(i, switch (op) {
                case ADD -> x + y;
                case SUB -> x - y;
                case MUL -> x * y;
                case DIV -> throw new IllegalArgumentException("true division has a float result");
            });
        }
        return out;
    }

    /** Σ over reduced dims in long (wrapping), for int64 and bool sums. */
    static Tensor sum(Tensor a, boolean[] reduced, int[] keptShape, int[] outShape) {
        int[] shape = a.shape();
        int[] landing = Shapes.contiguousStrides(keptShape);
        for (int d = 0; d < shape.length; d++) if (reduced[d]) landing[d] = 0;
        int[] from = Strided.offsets(a), to = Strided.offsets(shape, landing, 0);
        Tensor out = TensorInternals.empty(DType.INT64, outShape);
        long[] acc = new long[out.numel()];
        Storage s = storage(a);
        for (int i = 0; i < from.length; i++) acc[to[i]] += s.getLong(from[i]);
        for (int i = 0; i < acc.length; i++) storage(out).setLong(i, acc[i]);
        return out;
    }
}

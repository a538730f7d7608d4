package dev.jautograd.ops;

import dev.jautograd.Shapes;
import dev.jautograd.Tensor;
import java.util.Arrays;

/**
 * {@code torch.matmul}'s rank rules, composed from dot, mv, mm and bmm plus views exactly as
 * PyTorch 1.13 composes them, so the recorded graph has the same nodes (e.g. 1-D @ 2-D ends in
 * SqueezeBackward3, 3-D @ 2-D in UnsafeViewBackward0 over MmBackward0).
 */
public final class Matmul {
    private Matmul() {}

    public static Tensor apply(Tensor a, Tensor b) {
        int da = a.dim(), db = b.dim();
        if (da == 0 || db == 0) {
            throw new IllegalArgumentException("both arguments to matmul need to be at least 1D, but they are "
                    + da + "D and " + db + "D");
        }
        if (da == 1 && db == 1) return Dot.apply(a, b);
        if (da == 2 && db == 1) return Mv.apply(a, b);
        if (da == 1 && db == 2) return Squeeze.dimInPlace(Mm.apply(a.unsqueeze(0), b), 0);
        if (da == 2 && db == 2) return Mm.apply(a, b);
        if (da >= 3 && db <= 2 && shouldFold(a, db)) return fold(a, b, false);
        // A matrix or vector times a batch: fold the transposed batch instead, and transpose back.
        if (db >= 3 && da <= 2 && shouldFold(b, da)) return fold(b.transpose(-2, -1), da == 2 ? a.t() : a, true);
        return batched(a, b);
    }

    /**
     * PyTorch's should_fold: fold a batch into rows, except a 3-D batch whose last two dims are
     * transposed in memory (folding would copy it; bmm reads it as it is).
     */
    private static boolean shouldFold(Tensor batch, int otherDim) {
        if (otherDim != 1 && otherDim != 2) return false;
        boolean transposedMatrices = batch.dim() == 3 && otherDim == 2 && batch.stride(-1) != 1
                && batch.stride(0) == batch.size(1) * batch.size(2);
        return !transposedMatrices;
    }

    /** (..., n, k) @ (k, m) or (k): one mm (or mv) over all rows, then the batch shape back. */
    private static Tensor fold(Tensor batch, Tensor other, boolean transposeResult) {
        int[] shape = batch.shape();
        int[] outShape = Arrays.copyOf(shape, shape.length - (other.dim() == 1 ? 1 : 0));
        if (other.dim() == 2) outShape[outShape.length - 1] = other.size(1);
        Tensor rows = batch.reshape(-1, shape[shape.length - 1]);
        if (other.dim() == 1) return View.unsafeView(Mv.apply(rows, other), outShape);
        Tensor product = View.unsafeView(Mm.apply(rows, other), outShape);
        return transposeResult ? product.transpose(-2, -1).contiguous() : product;
    }

    /** Broadcast the batch dims, flatten them into one, bmm, and reshape to the result. */
    private static Tensor batched(Tensor a, Tensor b) {
        int da = a.dim(), db = b.dim();
        int n = da > 1 ? a.size(-2) : 1, m1 = a.size(-1);
        int m2 = db > 1 ? b.size(-2) : b.size(0), p = db > 1 ? b.size(-1) : 1;
        int[] batch = Shapes.broadcast(Arrays.copyOf(a.shape(), Math.max(da - 2, 0)),
                Arrays.copyOf(b.shape(), Math.max(db - 2, 0)));
        int batchSize = Shapes.numel(batch);
        Tensor left = a.expand(concat(batch, n, m1)).reshape(batchSize, n, m1);
        boolean vectorRight = db == 1;
        Tensor right = vectorRight
                ? b.expand(concat(batch, m2)).reshape(batchSize, m2).unsqueeze(2)
                : b.expand(concat(batch, m2, p)).reshape(batchSize, m2, p);
        int[] outShape = batch;
        if (da > 1) outShape = concat(outShape, n);
        if (db > 1) outShape = concat(outShape, p);
        Tensor product = Bmm.apply(left, right);
        if (vectorRight) product = product.squeeze(-1).contiguous();
        return View.unsafeView(product, outShape);
    }

    private static int[] concat(int[] head, int... tail) {
        int[] out = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, out, head.length, tail.length);
        return out;
    }
}

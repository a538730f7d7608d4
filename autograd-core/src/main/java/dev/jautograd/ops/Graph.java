package dev.jautograd.ops;

import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.autograd.GradMode;
import dev.jautograd.autograd.Node;
import dev.jautograd.storage.Storage;

/** What every op does around its math: decide whether to record, attach the node, wrap scalars. */
final class Graph {
    private Graph() {}

    /** Record only in grad mode and when some input needs a gradient, as PyTorch does. */
    static boolean records(Tensor... inputs) {
        if (!GradMode.isEnabled()) return false;
        for (Tensor t : inputs) if (t.requiresGrad()) return true;
        return false;
    }

    static Tensor attach(Tensor out, Node node) {
        out.setGradFn(node);
        return out;
    }

    /**
     * A Python number becomes a 0-dim tensor that does not widen the other operand's dtype
     * (PyTorch's "wrapped number"): a float32 tensor times 0.5 stays float32, an int64 tensor
     * plus 2 stays int64, an int64 tensor times 0.5 becomes the default float dtype.
     */
    static Tensor scalar(double value, Tensor like) {
        DType dtype = like.dtype().isFloatingPoint() ? like.dtype()
                : value == Math.rint(value) && !Double.isInfinite(value) ? DType.INT64 : DType.defaultFloat();
        Storage storage = Storage.allocate(dtype, 1);
        storage.set(0, value);
        return Tensor.wrap(storage);
    }

    /** Floating-point functions of integer tensors compute in the default float dtype. */
    static DType floatResult(Tensor t) {
        return t.dtype().isFloatingPoint() ? t.dtype() : DType.defaultFloat();
    }

    static DType promote(Tensor a, Tensor b) {
        return DType.promote(a.dtype(), b.dtype());
    }
}

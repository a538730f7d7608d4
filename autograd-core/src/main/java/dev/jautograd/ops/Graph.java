package dev.jautograd.ops;

import static dev.jautograd.internal.TensorInternals.setGradFn;

import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.autograd.GradMode;
import dev.jautograd.autograd.Node;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.storage.Storage;

/** What every op does around its math: decide whether to record, attach the node, wrap scalars. */
public final class Graph {
    private Graph() {}

    /** Record only in grad mode and when some input needs a gradient, as PyTorch does. */
    static boolean records(Tensor... inputs) {
        if (!GradMode.isEnabled()) return false;
        for (Tensor t : inputs) if (t.requiresGrad()) return true;
        return false;
    }

    static Tensor attach(Tensor out, Node node) {
        setGradFn(out, node);
        return out;
    }

    /**
     * A Python number becomes a 0-dim tensor that does not widen the other operand's dtype
     * (PyTorch's "wrapped number"): a float32 tensor times 0.5 stays float32, an int64 tensor
     * plus 2 stays int64, an int64 tensor times 0.5 becomes the default float dtype.
     */
    public static Tensor scalar(double value, Tensor like) {
        DType dtype = like.dtype().isFloatingPoint() ? like.dtype()
                : value == Math.rint(value) && !Double.isInfinite(value) ? DType.INT64 : DType.defaultFloat();
        Storage storage = Storage.allocate(dtype, 1);
        storage.set(0, value);
        return TensorInternals.wrap(storage);
    }

    /** PyTorch's sub_check: subtraction is refused for bool tensors (use ^ or ~ instead). */
    static void checkSubtraction(Tensor a, Tensor b) {
        if (a.dtype() == DType.BOOL && b.dtype() == DType.BOOL) {
            throw new IllegalArgumentException("Subtraction, the `-` operator, with two bool tensors is not supported. "
                    + "Use the `^` or `logical_xor()` operator instead.");
        }
        if (a.dtype() == DType.BOOL || b.dtype() == DType.BOOL) {
            throw new IllegalArgumentException("Subtraction, the `-` operator, with a bool tensor is not supported. "
                    + "If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
        }
    }

    /** Floating-point functions of integer tensors compute in the default float dtype. */
    static DType floatResult(Tensor t) {
        return t.dtype().isFloatingPoint() ? t.dtype() : DType.defaultFloat();
    }

    /**
     * PyTorch's result_type for two tensors: a 0-dim operand only decides the dtype when it is of a
     * higher category (bool < integer < floating) than the dimensioned one, so a float32 matrix
     * plus a float64 0-dim tensor stays float32, while an int64 matrix plus it becomes float64.
     */
    static DType promote(Tensor a, Tensor b) {
        if ((a.dim() == 0) == (b.dim() == 0)) return DType.promote(a.dtype(), b.dtype());
        Tensor dimensioned = a.dim() == 0 ? b : a, zeroDim = a.dim() == 0 ? a : b;
        return category(zeroDim.dtype()) > category(dimensioned.dtype()) ? zeroDim.dtype() : dimensioned.dtype();
    }

    private static int category(DType dtype) {
        return dtype.isFloatingPoint() ? 2 : dtype == DType.BOOL ? 0 : 1;
    }
}

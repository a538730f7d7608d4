package dev.jautograd.ops;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.loops.Reduce;

/**
 * The largest element (MaxBackward1). Its gradient is shared evenly among the elements equal to
 * the maximum, as PyTorch's evenly_distribute_backward.
 */
public final class Max extends Node {
    private final SavedTensor input;
    private final SavedTensor result;

    private Max(Tensor input, Tensor result) {
        super("MaxBackward1", input);
        this.input = save(input);
        this.result = saveOutput(result);
    }

    public static Tensor apply(Tensor input) {
        if (input.numel() == 0) {
            throw new IllegalArgumentException("max(): Expected reduction dim to be specified for input.numel() == 0. "
                    + "Specify the reduction dim with the 'dim' argument.");
        }
        Tensor out = Reduce.maxAlong(input.detach().reshape(-1), 0)[0].reshape();
        return Graph.records(input) ? Graph.attach(out, new Max(input, out)) : out;
    }

    /** Index of the first maximum of the flattened tensor (argmax; no gradient). */
    public static Tensor argmax(Tensor input) {
        if (input.numel() == 0) {
            throw new IndexOutOfBoundsException("argmax(): Expected reduction dim to be specified for input.numel() == 0.");
        }
        return Reduce.maxAlong(input.detach().reshape(-1), 0)[1].reshape();
    }

    /** Index of the first maximum along {@code dim}. */
    public static Tensor argmax(Tensor input, int dim, boolean keepdim) {
        int d = dev.jautograd.Shapes.wrapDim(dim, input.dim());
        int[] shape = input.shape();
        if (input.dim() > 0 && shape[d] == 0) {
            throw new IndexOutOfBoundsException("argmax(): Expected reduction dim " + d + " to have non-zero size.");
        }
        if (input.numel() == 0) { // an empty tensor reduced along a non-empty dim: an empty result
            shape[d] = 1;
            Tensor empty = TensorInternals.empty(dev.jautograd.DType.INT64, shape);
            return keepdim ? empty : empty.squeeze(d);
        }
        Tensor indices = Reduce.maxAlong(input.detach(), d)[1];
        return keepdim ? indices : indices.squeeze(d);
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        Tensor x = input.get(), value = result.get();
        // evenly_distribute_backward on the CPU: a NaN maximum is shared among the NaNs, and
        // the rest is filled with +0 (a masked fill, not a product that could make NaN or -0).
        Tensor ties = Double.isNaN(value.item()) ? x.ne(x) : x.eq(value);
        return new Tensor[] {Where.apply(ties, grad.div(ties.sum()), Graph.scalar(0, grad))};
    }
}

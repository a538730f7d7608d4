package dev.jautograd.ops;

import dev.jautograd.DType;
import dev.jautograd.Shapes;
import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;
import dev.jautograd.loops.Elementwise;

/** {@code masked_fill(mask, value)} (MaskedFillBackward0): the filled elements get no gradient. */
public final class MaskedFill extends Node {
    private final SavedTensor mask;

    private MaskedFill(Tensor input, Tensor mask) {
        super("MaskedFillBackward0", input);
        this.mask = save(mask);
    }

    public static Tensor apply(Tensor input, Tensor mask, double value) {
        // PyTorch 1.13 still takes an integer mask (deprecated): non-zero fills.
        if (mask.dtype() == DType.INT64) mask = mask.ne(0);
        if (mask.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("masked_fill_ only supports boolean masks, but got mask with dtype "
                    + mask.dtype().scalarTypeName());
        }
        int[] shape = Shapes.broadcast(input.shape(), mask.shape());
        if (!Shapes.same(shape, input.shape())) {
            throw new IllegalArgumentException("output with shape " + Shapes.listString(input.shape())
                    + " doesn't match the broadcast shape " + Shapes.listString(shape));
        }
        Tensor out = Elementwise.select(mask, Graph.scalar(value, input), input.detach(), input.dtype());
        return Graph.records(input) ? Graph.attach(out, new MaskedFill(input, mask)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        return new Tensor[] {Where.apply(mask.get(), Graph.scalar(0, grad), grad)};
    }
}

package dev.jautograd.ops;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;

/**
 * The base's node after an in-place op wrote through one of its views (PyTorch's CopySlices).
 * The op's own node {@code fn} saw the view; here the base's gradient keeps its values outside
 * the view, and inside it gets what {@code fn} gives its first input. {@code fn}'s other inputs
 * (e.g. the {@code x} of {@code y[0] = x}) get their gradients as before.
 */
public final class CopySlices extends Node {
    private final Node fn;
    private final Geometry base;
    private final Geometry view;

    private CopySlices(Tensor baseTensor, Geometry view, Node fn) {
        super("CopySlices", baseTensor, fn);
        this.fn = fn;
        this.base = Geometry.of(baseTensor);
        this.view = view;
    }

    /** The node for {@code base} once {@code fn} (an in-place op's node on {@code view}) was applied. */
    public static Node of(Tensor baseTensor, Tensor view, Node fn) {
        return new CopySlices(baseTensor, Geometry.of(view), fn);
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        Tensor slice = AsStrided.gather(grad, base, view);
        Tensor[] res = backwardOf(fn, slice);
        Tensor[] out = new Tensor[res.length];
        if (needsInputGrad(0)) {
            Tensor outside = grad.sub(AsStrided.scatter(slice, base, view));
            out[0] = res[0] == null ? outside : outside.add(AsStrided.scatter(res[0].expand(view.shape()), base, view));
        }
        System.arraycopy(res, 1, out, 1, res.length - 1);
        return out;
    }
}

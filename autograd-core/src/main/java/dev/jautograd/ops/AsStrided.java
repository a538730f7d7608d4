package dev.jautograd.ops;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.loops.Copy;
import dev.jautograd.loops.Strided;
import dev.jautograd.storage.Storage;

/**
 * A view read through its base's storage, and its adjoint. {@code gather} takes the elements a
 * view geometry picks out of a tensor laid out as the base (AsStridedBackward0 is its node on a
 * view whose base was modified in place, as PyTorch regenerates it); {@code scatter} adds a
 * view-shaped tensor back into zeros of the base's shape (an element aliased twice gets both).
 * Each is the other's backward, so higher orders work.
 */
public final class AsStrided extends Node {
    private final Geometry baseGeometry;
    private final Geometry viewGeometry;
    private final boolean scatter;

    private AsStrided(String name, Tensor input, Geometry base, Geometry view, boolean scatter) {
        super(name, input);
        this.baseGeometry = base;
        this.viewGeometry = view;
        this.scatter = scatter;
    }

    /** The node a view gets once its base was written in place: its gradient flows to the base. */
    public static Node regenerated(Tensor base, Tensor view) {
        return new AsStrided("AsStridedBackward0", base, Geometry.of(base), Geometry.of(view), false);
    }

    /** The view-shaped elements of {@code input} (base-shaped), as a new contiguous tensor. */
    public static Tensor gather(Tensor input, Geometry base, Geometry view) {
        int extent = Math.max(base.extent(), view.extent());
        Storage laid = base.layOut(input.detach(), input.dtype(), extent);
        Tensor out = Copy.materialize(view.over(laid), input.dtype());
        return Graph.records(input) ? Graph.attach(out, new AsStrided("AsStridedBackward0", input, base, view, false))
                : out;
    }

    /** Zeros of the base's shape with {@code input} (view-shaped) added at the view's elements. */
    public static Tensor scatter(Tensor input, Geometry base, Geometry view) {
        int extent = Math.max(base.extent(), view.extent());
        Storage storage = Storage.allocate(input.dtype(), extent);
        int[] at = Strided.offsets(view.shape(), view.strides(), view.offset());
        double[] values = input.toDoubleArray();
        for (int i = 0; i < at.length; i++) storage.set(at[i], storage.get(at[i]) + values[i]);
        Tensor out = Copy.materialize(base.over(storage), input.dtype());
        return Graph.records(input) ? Graph.attach(out, new AsStrided("AsStridedScatterBackward0", input, base, view,
                true)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        return new Tensor[] {scatter ? gather(grad, baseGeometry, viewGeometry) : scatter(grad, baseGeometry,
                viewGeometry)};
    }
}

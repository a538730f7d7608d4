package dev.jautograd.ops;

import static dev.jautograd.internal.TensorInternals.storage;
import static dev.jautograd.internal.TensorInternals.viewOf;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.internal.TensorInternals;
import java.util.List;

/**
 * The reshaping family, each a view of the same storage when strides allow:
 * {@code view} (ViewBackward0), {@code reshape} (ReshapeAliasBackward0 in PyTorch 1.13, or a
 * copy then UnsafeViewBackward0 when no view exists).
 */
public final class View extends Node {
    private final int[] inputShape;

    private View(String name, Tensor input) {
        super(name, input);
        this.inputShape = input.shape();
    }

    public static Tensor view(Tensor input, int... shape) {
        int[] target = ViewGeometry.inferSize(shape, input.numel());
        int[] strides = ViewGeometry.strides(input.shape(), input.stride(), target);
        if (strides == null) {
            throw new IllegalArgumentException("view size is not compatible with input tensor's size and stride (at "
                    + "least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.");
        }
        return alias("ViewBackward0", input, target, strides);
    }

    public static Tensor reshape(Tensor input, int... shape) {
        int[] target = ViewGeometry.inferSize(shape, input.numel());
        int[] strides = ViewGeometry.strides(input.shape(), input.stride(), target);
        if (strides != null) return alias("ReshapeAliasBackward0", input, target, strides);
        return unsafeView(input.clone(), target);
    }

    /** Reinterprets a contiguous tensor's elements under a new shape (PyTorch's {@code _unsafe_view}). */
    static Tensor unsafeView(Tensor contiguous, int[] shape) {
        Tensor out = TensorInternals.wrap(storage(contiguous), shape);
        return Graph.records(contiguous) ? Graph.attach(out, new View("UnsafeViewBackward0", contiguous)) : out;
    }

    private static Tensor alias(String name, Tensor input, int[] shape, int[] strides) {
        Tensor out = viewOf(input, shape, strides, input.storageOffset());
        return Graph.records(input) ? Graph.attach(out, new View(name, input)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        return new Tensor[] {grad.reshape(inputShape)};
    }

    @Override
    public List<String> attributes() {
        return List.of("self_sizes=" + dev.jautograd.Shapes.listString(inputShape));
    }

    @Override
    public String derivativeFormula(int input) {
        return "grad reshaped to " + java.util.Arrays.toString(inputShape);
    }
}

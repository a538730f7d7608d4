package dev.jautograd.ops;

import static dev.jautograd.internal.TensorInternals.viewOf;

import dev.jautograd.Shapes;
import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;

/**
 * Broadcasts size-1 dims (and new leading dims) to a larger shape as a stride-0 view. Its
 * backward returns the gradient unreduced: the engine's one broadcast reduction sums it back.
 */
public final class Expand extends Node {
    private Expand(Tensor input) {
        super("ExpandBackward0", input);
    }

    public static Tensor apply(Tensor input, int... sizes) {
        int[] shape = input.shape(), strides = input.stride();
        if (sizes.length < shape.length) {
            throw new IllegalArgumentException("expand(" + input.typeName() + "{" + Shapes.listString(shape)
                    + "}, size=" + Shapes.listString(sizes) + "): the number of sizes provided (" + sizes.length
                    + ") must be greater or equal to the number of dimensions in the tensor (" + shape.length + ")");
        }
        int lead = sizes.length - shape.length;
        int[] newShape = new int[sizes.length], newStrides = new int[sizes.length];
        // From the last dim backwards, as PyTorch's inferExpandGeometry, so errors name the same dim.
        for (int i = sizes.length - 1; i >= 0; i--) {
            int d = i - lead;
            if (sizes[i] == -1 && d < 0) {
                throw new IllegalArgumentException("The expanded size of the tensor (-1) isn't allowed in a leading, "
                        + "non-existing dimension " + i);
            }
            int target = sizes[i] == -1 ? shape[d] : sizes[i];
            if (d < 0) {
                newShape[i] = target;
                continue; // new leading dims read the same elements again: stride 0
            }
            if (shape[d] != target && shape[d] != 1) {
                throw new IllegalArgumentException("The expanded size of the tensor (" + target + ") must match the "
                        + "existing size (" + shape[d] + ") at non-singleton dimension " + i + ".  Target sizes: "
                        + Shapes.listString(sizes) + ".  Tensor sizes: " + Shapes.listString(shape));
            }
            newShape[i] = target;
            newStrides[i] = shape[d] == target ? strides[d] : 0;
        }
        // A negative size that passed the checks above reaches PyTorch's overflow-checked numel.
        for (int s : newShape) if (s < 0) throw new IllegalArgumentException("numel: integer multiplication overflow");
        Tensor out = viewOf(input, newShape, newStrides, input.storageOffset());
        return Graph.records(input) ? Graph.attach(out, new Expand(input)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        return new Tensor[] {grad};
    }

    @Override
    public String derivativeFormula(int input) {
        return "grad summed back to self's shape";
    }
}

package dev.jautograd.ops;

import static dev.jautograd.internal.TensorInternals.viewOf;

import dev.jautograd.Shapes;
import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;

/**
 * Drops size-1 dims as a view: all of them (SqueezeBackward0) or one (SqueezeBackward1);
 * {@code matmul} squeezes its result in place, which PyTorch records as SqueezeBackward3.
 */
public final class Squeeze extends Node {
    private final int[] inputShape;

    private Squeeze(String name, Tensor input) {
        super(name, input);
        this.inputShape = input.shape();
    }

    public static Tensor all(Tensor input) {
        int[] shape = input.shape();
        boolean[] drop = new boolean[shape.length];
        for (int d = 0; d < shape.length; d++) drop[d] = shape[d] == 1;
        return apply("SqueezeBackward0", input, drop);
    }

    public static Tensor dim(Tensor input, int dim) {
        return dim("SqueezeBackward1", input, dim);
    }

    /** The in-place {@code squeeze_(dim)} as matmul uses it on its own intermediate result. */
    static Tensor dimInPlace(Tensor input, int dim) {
        return dim("SqueezeBackward3", input, dim);
    }

    private static Tensor dim(String name, Tensor input, int dim) {
        boolean[] drop = new boolean[input.dim()];
        if (input.dim() > 0) {
            int d = Shapes.wrapDim(dim, input.dim());
            drop[d] = input.size(d) == 1;
        }
        return apply(name, input, drop);
    }

    private static Tensor apply(String name, Tensor input, boolean[] drop) {
        int[] shape = input.shape(), strides = input.stride();
        int kept = 0;
        for (boolean b : drop) if (!b) kept++;
        int[] newShape = new int[kept], newStrides = new int[kept];
        for (int d = 0, k = 0; d < shape.length; d++) {
            if (drop[d]) continue;
            newShape[k] = shape[d];
            newStrides[k++] = strides[d];
        }
        Tensor out = viewOf(input, newShape, newStrides, input.storageOffset());
        return Graph.records(input) ? Graph.attach(out, new Squeeze(name, input)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        return new Tensor[] {grad.reshape(inputShape)};
    }

    @Override
    public String derivativeFormula(int input) {
        return "grad reshaped to " + java.util.Arrays.toString(inputShape);
    }
}

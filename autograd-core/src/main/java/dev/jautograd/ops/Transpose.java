package dev.jautograd.ops;

import static dev.jautograd.internal.TensorInternals.viewOf;

import dev.jautograd.Shapes;
import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import java.util.List;

/** Swaps two dims as a view (TransposeBackward0); {@code t()} is the 2-D case (TBackward0). */
public final class Transpose extends Node {
    private final int dim0;
    private final int dim1;

    private Transpose(String name, Tensor input, int dim0, int dim1) {
        super(name, input);
        this.dim0 = dim0;
        this.dim1 = dim1;
    }

    public static Tensor apply(Tensor input, int dim0, int dim1) {
        return swap("TransposeBackward0", input, Shapes.wrapDim(dim0, input.dim()), Shapes.wrapDim(dim1, input.dim()));
    }

    public static Tensor t(Tensor input) {
        if (input.dim() > 2) {
            throw new IllegalArgumentException("t() expects a tensor with <= 2 dimensions, but self is "
                    + input.dim() + "D");
        }
        return swap("TBackward0", input, 0, input.dim() < 2 ? 0 : 1);
    }

    private static Tensor swap(String name, Tensor input, int dim0, int dim1) {
        int[] shape = input.shape(), strides = input.stride();
        if (shape.length > 0) {
            swap(shape, dim0, dim1);
            swap(strides, dim0, dim1);
        }
        Tensor out = viewOf(input, shape, strides, input.storageOffset());
        return Graph.records(input) ? Graph.attach(out, new Transpose(name, input, dim0, dim1)) : out;
    }

    private static void swap(int[] values, int i, int j) {
        int tmp = values[i];
        values[i] = values[j];
        values[j] = tmp;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        return new Tensor[] {name().equals("TBackward0") ? grad.t() : grad.transpose(dim0, dim1)};
    }

    @Override
    public List<String> attributes() {
        return name().equals("TBackward0") ? List.of() : List.of("dim0=" + dim0, "dim1=" + dim1);
    }

    @Override
    public String derivativeFormula(int input) {
        return name().equals("TBackward0") ? "gradᵀ" : "grad.transpose(" + dim0 + ", " + dim1 + ")";
    }
}

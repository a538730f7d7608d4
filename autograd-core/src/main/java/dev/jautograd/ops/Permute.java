package dev.jautograd.ops;

import static dev.jautograd.internal.TensorInternals.viewOf;

import dev.jautograd.Shapes;
import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;

/** Reorders dims as a view; the gradient applies the inverse permutation. */
public final class Permute extends Node {
    private final int[] inverse;

    private Permute(Tensor input, int[] inverse) {
        super("PermuteBackward0", input);
        this.inverse = inverse;
    }

    public static Tensor apply(Tensor input, int... dims) {
        int rank = input.dim();
        if (dims.length != rank) {
            throw new IllegalArgumentException("permute(sparse_coo): number of dimensions in the tensor input does not "
                    + "match the length of the desired ordering of dimensions i.e. input.dim() = " + rank
                    + " is not equal to len(dims) = " + dims.length);
        }
        int[] shape = input.shape(), strides = input.stride();
        int[] newShape = new int[rank], newStrides = new int[rank], inverse = new int[rank];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            int d = Shapes.wrapDim(dims[i], rank);
            if (seen[d]) throw new IllegalArgumentException("permute(): duplicate dims are not allowed.");
            seen[d] = true;
            newShape[i] = shape[d];
            newStrides[i] = strides[d];
            inverse[d] = i;
        }
        Tensor out = viewOf(input, newShape, newStrides, input.storageOffset());
        return Graph.records(input) ? Graph.attach(out, new Permute(input, inverse)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        return new Tensor[] {grad.permute(inverse)};
    }

    @Override
    public String derivativeFormula(int input) {
        return "grad.permute(" + dev.jautograd.Shapes.listString(inverse) + ")";
    }
}

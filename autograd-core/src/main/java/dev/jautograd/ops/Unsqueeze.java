package dev.jautograd.ops;

import static dev.jautograd.internal.TensorInternals.viewOf;

import dev.jautograd.Shapes;
import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import java.util.List;

/** Inserts a size-1 dim as a view. */
public final class Unsqueeze extends Node {
    private final int dim;

    private Unsqueeze(Tensor input, int dim) {
        super("UnsqueezeBackward0", input);
        this.dim = dim;
    }

    public static Tensor apply(Tensor input, int dim) {
        int rank = input.dim();
        int d = Shapes.wrapDim(dim, rank + 1);
        int[] shape = input.shape(), strides = input.stride();
        int[] newShape = new int[rank + 1], newStrides = new int[rank + 1];
        for (int i = 0, j = 0; i <= rank; i++) {
            if (i == d) {
                newShape[i] = 1;
                // Any stride works for a size-1 dim; PyTorch uses size*stride of the next dim.
                newStrides[i] = d < rank ? shape[d] * strides[d] : 1;
            } else {
                newShape[i] = shape[j];
                newStrides[i] = strides[j++];
            }
        }
        Tensor out = viewOf(input, newShape, newStrides, input.storageOffset());
        return Graph.records(input) ? Graph.attach(out, new Unsqueeze(input, d)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        return new Tensor[] {grad.squeeze(dim)};
    }

    @Override
    public List<String> attributes() {
        return List.of("dim=" + dim);
    }

    @Override
    public String derivativeFormula(int input) {
        return "grad.squeeze(" + dim + ")";
    }
}

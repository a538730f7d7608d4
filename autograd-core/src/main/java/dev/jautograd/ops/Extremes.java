package dev.jautograd.ops;

import static dev.jautograd.internal.TensorInternals.storage;

import dev.jautograd.DType;
import dev.jautograd.Shapes;
import dev.jautograd.Tensor;
import dev.jautograd.ValuesIndices;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;
import dev.jautograd.internal.TensorInternals;

/**
 * min/max: along a dim (values and the index of the first extreme; the values' gradient goes to
 * that index: MaxBackward0, MinBackward0), of all elements ({@code min()}: MinBackward1, the
 * gradient shared evenly among ties as PyTorch's evenly_distribute_backward), and argmin. NaN
 * wins, as in PyTorch.
 */
public final class Extremes extends Node {
    private final SavedTensor input;
    private final SavedTensor result;

    private Extremes(Tensor input, Tensor result) {
        super("MinBackward1", input);
        this.input = save(input);
        this.result = saveOutput(result);
    }

    /** The smallest element (0-dim). */
    public static Tensor min(Tensor input) {
        if (input.numel() == 0) {
            throw new IllegalArgumentException("min(): Expected reduction dim to be specified for input.numel() == 0. "
                    + "Specify the reduction dim with the 'dim' argument.");
        }
        int[] at = {best(input.detach().reshape(-1), 0, true)[0]};
        Tensor out = Take.apply("MinBackward1", input.detach(), at, new int[0]);
        return Graph.records(input) ? Graph.attach(out, new Extremes(input, out)) : out;
    }

    /** {@code max(dim)} / {@code min(dim)}: values and int64 indices. */
    public static ValuesIndices along(Tensor input, int dim, boolean keepdim, boolean max) {
        String kind = max ? "max" : "min";
        int d = Shapes.wrapDim(dim, input.dim());
        if (input.dim() > 0 && input.size(d) == 0) {
            throw new IndexOutOfBoundsException(kind + "(): Expected reduction dim " + d + " to have non-zero size.");
        }
        int[] positions = best(input.detach(), d, !max);
        int[] shape = reducedShape(input.shape(), d, keepdim);
        Tensor values = Take.apply(max ? "MaxBackward0" : "MinBackward0", input, positions, shape);
        return new ValuesIndices(kind, values, indexTensor(positions, input.shape(), d, shape));
    }

    /** Index of the first smallest (or largest) element, of the flattened tensor or along a dim. */
    public static Tensor argExtreme(Tensor input, Integer dim, boolean keepdim, boolean max) {
        if (input.numel() == 0 && dim == null) {
            throw new IllegalArgumentException((max ? "argmax" : "argmin") + "(): Expected reduction dim to be "
                    + "specified for input.numel() == 0.");
        }
        Tensor x = dim == null ? input.detach().reshape(-1) : input.detach();
        int d = dim == null ? 0 : Shapes.wrapDim(dim, input.dim());
        int[] positions = best(x, d, !max);
        int[] shape = dim == null ? new int[0] : reducedShape(input.shape(), d, keepdim);
        return indexTensor(positions, x.shape(), d, shape);
    }

    private static int[] reducedShape(int[] shape, int d, boolean keepdim) {
        if (shape.length == 0) return shape;
        if (keepdim) {
            shape[d] = 1;
            return shape;
        }
        int[] out = new int[shape.length - 1];
        for (int i = 0, k = 0; i < shape.length; i++) if (i != d) out[k++] = shape[i];
        return out;
    }

    private static Tensor indexTensor(int[] positions, int[] shape, int d, int[] outShape) {
        var split = Positions.Split.of(shape, d);
        Tensor out = TensorInternals.empty(DType.INT64, outShape);
        for (int i = 0; i < positions.length; i++) {
            storage(out).setLong(i, (positions[i] / split.inner()) % split.n());
        }
        return out;
    }

    /** Row-major position of the first extreme of each line along dim. */
    private static int[] best(Tensor x, int dim, boolean smallest) {
        var s = Positions.Split.of(x.shape(), dim);
        double[] v = x.contiguous().toDoubleArray();
        int[] out = new int[s.outer() * s.inner()];
        for (int o = 0; o < s.outer(); o++) {
            for (int i = 0; i < s.inner(); i++) {
                int at = o * s.n() * s.inner() + i;
                for (int k = 1; k < s.n(); k++) {
                    int p = (o * s.n() + k) * s.inner() + i;
                    double b = v[at], c = v[p];
                    if (!Double.isNaN(b) && (smallest ? c < b : c > b) || !Double.isNaN(b) && Double.isNaN(c)) at = p;
                }
                out[o * s.inner() + i] = at;
            }
        }
        return out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        Tensor ties = input.get().eq(result.get());
        return new Tensor[] {ties.mul(grad.div(ties.sum()))};
    }
}

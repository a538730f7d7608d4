package dev.jautograd.ops;

import static dev.jautograd.internal.TensorInternals.storage;

import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;
import dev.jautograd.internal.TensorInternals;
import java.util.List;

/**
 * Product of all elements (ProdBackward0) or along one dim (ProdBackward1). The gradient of an
 * element is the product of the others: grad·result/input when no element is zero; otherwise
 * computed directly, so a zero factor gets the product of the rest (PyTorch's prod_backward).
 */
public final class Prod extends Node {
    private final SavedTensor input;
    private final SavedTensor result;
    private final Dims dims;
    private final int dim;

    private Prod(String name, Tensor input, Tensor result, Dims dims, int dim) {
        super(name, input);
        this.input = save(input);
        this.result = saveOutput(result);
        this.dims = dims;
        this.dim = dim;
    }

    public static Tensor apply(Tensor input) {
        Tensor out = compute(input.detach().reshape(-1), 0).reshape();
        return Graph.records(input) ? Graph.attach(out, new Prod("ProdBackward0", input, out,
                Dims.all(input.dim()), -1)) : out;
    }

    public static Tensor apply(Tensor input, int dim, boolean keepdim) {
        int d = dev.jautograd.Shapes.wrapDim(dim, input.dim());
        Tensor kept = compute(input.detach(), d);
        Tensor out = keepdim || input.dim() == 0 ? kept : kept.squeeze(d);
        return Graph.records(input) ? Graph.attach(out, new Prod("ProdBackward1", input, out,
                Dims.of(new int[] {d}, input.dim(), keepdim), d)) : out;
    }

    /** The product along {@code dim}, kept as size 1; integers multiply as int64. */
    private static Tensor compute(Tensor x, int dim) {
        DType dtype = x.dtype().isFloatingPoint() ? x.dtype() : DType.INT64;
        int[] shape = x.shape();
        var s = Positions.Split.of(shape, dim);
        if (shape.length > 0) shape[dim] = 1;
        Tensor out = TensorInternals.empty(dtype, shape);
        Tensor c = x.contiguous();
        for (int o = 0; o < s.outer(); o++) {
            for (int i = 0; i < s.inner(); i++) {
                double p = 1;
                long q = 1;
                for (int k = 0; k < s.n(); k++) {
                    int at = c.storageOffset() + (o * s.n() + k) * s.inner() + i;
                    if (dtype == DType.INT64) q *= storage(c).getLong(at);
                    else p *= storage(c).get(at);
                }
                if (dtype == DType.INT64) storage(out).setLong(o * s.inner() + i, q);
                else storage(out).set(o * s.inner() + i, p);
            }
        }
        return out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        Tensor x = input.get(), g = dims.restore(grad), r = dims.restore(result.get());
        boolean anyZero = x.eq(0).logicalOr(x.ne(x)).sum().item() > 0;
        if (!anyZero) return new Tensor[] {g.mul(r).div(x)};
        return new Tensor[] {g.mul(others(x.detach()))};
    }

    /** Each element's product of the other elements of its line, by prefix and suffix products. */
    private Tensor others(Tensor x) {
        Tensor flat = dim < 0 ? x.reshape(-1) : x;
        int d = Math.max(dim, 0);
        var s = Positions.Split.of(flat.shape(), d);
        double[] v = flat.contiguous().toDoubleArray();
        Tensor out = TensorInternals.empty(x.dtype(), flat.shape());
        for (int o = 0; o < s.outer(); o++) {
            for (int i = 0; i < s.inner(); i++) {
                double before = 1;
                for (int k = 0; k < s.n(); k++) {
                    double after = 1;
                    for (int m = k + 1; m < s.n(); m++) after *= v[(o * s.n() + m) * s.inner() + i];
                    storage(out).set((o * s.n() + k) * s.inner() + i, before * after);
                    before *= v[(o * s.n() + k) * s.inner() + i];
                }
            }
        }
        return dim < 0 ? out.reshape(x.shape()) : out;
    }

    @Override
    public List<String> attributes() {
        return dims.describe();
    }
}

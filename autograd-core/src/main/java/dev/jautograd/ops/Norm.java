package dev.jautograd.ops;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;

/**
 * The p-norm over all elements or dims (NormBackward1): (Σ|x|^p)^(1/p). Gradient (PyTorch's
 * norm_backward): p = 1: sign(x)·grad; otherwise x·|x|^(p-2)·grad / norm^(p-1), zero where the
 * norm is zero.
 */
public final class Norm extends Node {
    private final SavedTensor input;
    private final SavedTensor result;
    private final Dims dims;
    private final double p;

    private Norm(Tensor input, Tensor result, Dims dims, double p) {
        super("NormBackward1", input);
        this.input = save(input);
        this.result = saveOutput(result);
        this.dims = dims;
        this.p = p;
    }

    /** dims null: all elements. */
    public static Tensor apply(Tensor input, double p, int[] dims, boolean keepdim) {
        if (!input.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("linalg.vector_norm: Expected a floating point or complex tensor as "
                    + "input. Got " + input.dtype().scalarTypeName());
        }
        Dims d = dims == null ? new Dims(Dims.all(input.dim()).reduced(), keepdim, null)
                : Dims.of(dims, input.dim(), keepdim);
        int[] all = java.util.stream.IntStream.range(0, input.dim()).filter(i -> d.reduced()[i]).toArray();
        Tensor x = input.detach().to(dev.jautograd.DType.FLOAT64).abs();
        Tensor out = (p == 1 ? x.sum(all, keepdim) : p == 2 ? x.mul(x).sum(all, keepdim).sqrt()
                : x.pow(p).sum(all, keepdim).pow(1 / p)).to(input.dtype());
        return Graph.records(input) ? Graph.attach(out, new Norm(input, out, d, p)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        Tensor x = input.get(), g = dims.restore(grad);
        if (p == 1) return new Tensor[] {x.sign().mul(g)};
        Tensor norm = dims.restore(result.get());
        Tensor scaled = p == 2 ? x.mul(g).div(norm) : x.mul(x.abs().pow(p - 2)).mul(g).div(norm.pow(p - 1));
        return new Tensor[] {Where.apply(norm.eq(0), Graph.scalar(0, scaled), scaled)};
    }
}

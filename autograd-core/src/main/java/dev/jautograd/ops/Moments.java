package dev.jautograd.ops;

import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;

/**
 * Variance (VarBackward0) and standard deviation (StdBackward0) over dims, with Bessel's
 * correction when unbiased. Computed in float64 and rounded once, as PyTorch accumulates.
 * Gradients: var 2(x - mean)/(N - c)·grad; std the same over 2·std.
 */
public final class Moments extends Node {
    private final SavedTensor input;
    private final SavedTensor result;
    private final Dims dims;
    private final int correction;
    private final boolean std;

    private Moments(Tensor input, Tensor result, Dims dims, int correction, boolean std) {
        super(std ? "StdBackward0" : "VarBackward0", input);
        this.input = save(input);
        this.result = saveOutput(result);
        this.dims = dims;
        this.correction = correction;
        this.std = std;
    }

    /** dims null: all elements. */
    public static Tensor apply(Tensor input, int[] dims, boolean unbiased, boolean keepdim, boolean std) {
        if (!input.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("std and var only support floating point and complex dtypes");
        }
        Dims d = dims == null ? new Dims(Dims.all(input.dim()).reduced(), keepdim, null)
                : Dims.of(dims, input.dim(), keepdim);
        int correction = unbiased ? 1 : 0;
        Tensor x = input.detach().to(DType.FLOAT64);
        int[] all = reducedDims(d);
        Tensor centered = x.sub(x.mean(all, true));
        Tensor var = centered.mul(centered).sum(all, keepdim).div(Math.max(d.count(input.shape()) - correction, 0));
        Tensor out = (std ? var.sqrt() : var).to(input.dtype());
        return Graph.records(input) ? Graph.attach(out, new Moments(input, out, d, correction, std)) : out;
    }

    private static int[] reducedDims(Dims d) {
        return java.util.stream.IntStream.range(0, d.reduced().length).filter(i -> d.reduced()[i]).toArray();
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        Tensor x = input.get();
        int[] all = reducedDims(dims);
        int n = dims.count(x.shape()) - correction;
        Tensor centered = x.sub(x.mean(all, true));
        Tensor g = dims.restore(grad);
        if (std) g = g.div(dims.restore(result.get()));
        else g = g.mul(2);
        return new Tensor[] {g.mul(centered).div(n)};
    }
}

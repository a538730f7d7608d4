package dev.jautograd;

import dev.jautograd.ops.Extremes;
import dev.jautograd.ops.LogSumExp;
import dev.jautograd.ops.Moments;
import dev.jautograd.ops.Norm;
import dev.jautograd.ops.Prod;

/**
 * Reductions beyond sum and mean: min/max along a dim with their indices, argmin, prod, norm,
 * std, var, logsumexp. A reduction over a dim drops it unless {@code keepdim}; PyTorch's
 * {@code unbiased=True} (Bessel's correction) is the default of std and var.
 */
public abstract sealed class TensorReductions extends TensorIndexing permits TensorMath {

    /** {@code max(dim)}: the largest values along dim and their indices (torch.return_types.max). */
    public ValuesIndices max(int dim) { return Extremes.along(self(), dim, false, true); }

    public ValuesIndices max(int dim, boolean keepdim) { return Extremes.along(self(), dim, keepdim, true); }

    /** The smallest element (0-dim). */
    public Tensor min() { return Extremes.min(self()); }

    public ValuesIndices min(int dim) { return Extremes.along(self(), dim, false, false); }

    public ValuesIndices min(int dim, boolean keepdim) { return Extremes.along(self(), dim, keepdim, false); }

    /** Index of the first smallest element of the flattened tensor, int64. */
    public Tensor argmin() { return Extremes.argExtreme(self(), null, false, false); }

    public Tensor argmin(int dim) { return Extremes.argExtreme(self(), dim, false, false); }

    public Tensor argmin(int dim, boolean keepdim) { return Extremes.argExtreme(self(), dim, keepdim, false); }

    public Tensor prod() { return Prod.apply(self()); }

    public Tensor prod(int dim) { return Prod.apply(self(), dim, false); }

    public Tensor prod(int dim, boolean keepdim) { return Prod.apply(self(), dim, keepdim); }

    /** The 2-norm of all elements. */
    public Tensor norm() { return Norm.apply(self(), 2, null, false); }

    public Tensor norm(double p) { return Norm.apply(self(), p, null, false); }

    public Tensor norm(double p, int dim) { return Norm.apply(self(), p, new int[] {dim}, false); }

    public Tensor norm(double p, int dim, boolean keepdim) { return Norm.apply(self(), p, new int[] {dim}, keepdim); }

    public Tensor norm(double p, int[] dims, boolean keepdim) { return Norm.apply(self(), p, dims, keepdim); }

    /** Standard deviation of all elements, unbiased. */
    public Tensor std() { return Moments.apply(self(), null, true, false, true); }

    public Tensor std(boolean unbiased) { return Moments.apply(self(), null, unbiased, false, true); }

    public Tensor std(int dim) { return Moments.apply(self(), new int[] {dim}, true, false, true); }

    public Tensor std(int dim, boolean unbiased, boolean keepdim) {
        return Moments.apply(self(), new int[] {dim}, unbiased, keepdim, true);
    }

    public Tensor std(int[] dims, boolean unbiased, boolean keepdim) {
        return Moments.apply(self(), dims, unbiased, keepdim, true);
    }

    /** Variance of all elements, unbiased. */
    public Tensor var() { return Moments.apply(self(), null, true, false, false); }

    public Tensor var(boolean unbiased) { return Moments.apply(self(), null, unbiased, false, false); }

    public Tensor var(int dim) { return Moments.apply(self(), new int[] {dim}, true, false, false); }

    public Tensor var(int dim, boolean unbiased, boolean keepdim) {
        return Moments.apply(self(), new int[] {dim}, unbiased, keepdim, false);
    }

    public Tensor var(int[] dims, boolean unbiased, boolean keepdim) {
        return Moments.apply(self(), dims, unbiased, keepdim, false);
    }

    /** log Σ exp over dim, computed without overflow. */
    public Tensor logsumexp(int dim) { return LogSumExp.apply(self(), new int[] {dim}, false); }

    public Tensor logsumexp(int dim, boolean keepdim) { return LogSumExp.apply(self(), new int[] {dim}, keepdim); }

    public Tensor logsumexp(int[] dims, boolean keepdim) { return LogSumExp.apply(self(), dims, keepdim); }
}

package dev.jautograd.ops;

import static dev.jautograd.internal.TensorInternals.sameShape;

import dev.jautograd.Shapes;
import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.autograd.GradMode;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.loops.Reduce;
import dev.jautograd.loops.SoftmaxKernel;

/**
 * log(softmax(x)) along a dim, computed as x - max - log Σ exp(x - max) so large logits cannot
 * overflow. Gradient: grad - softmax · Σ grad, with softmax recovered as exp(result).
 */
public final class LogSoftmax extends Node {
    private final SavedTensor result;
    private final int dim;

    private LogSoftmax(Tensor input, Tensor result, int dim) {
        super("LogSoftmaxBackward0", input);
        this.result = saveOutput(result);
        this.dim = dim;
    }

    public static Tensor apply(Tensor input, int dim) {
        int d = Shapes.wrapDim(dim, input.dim());
        SoftmaxChecks.check(input, d, "log_softmax");
        if (input.numel() == 0) {
            Tensor empty = TensorInternals.empty(input.dtype(), input.shape());
            return Graph.records(input) ? Graph.attach(empty, new LogSoftmax(input, empty, d)) : empty;
        }
        Tensor x = input.detach();
        Tensor out;
        if (x.dtype() == dev.jautograd.DType.FLOAT32 && x.dim() > 0 && d == x.dim() - 1) {
            out = dev.jautograd.loops.SoftmaxKernel.logSoftmaxLastDim(x); // PyTorch's order and exp
        } else {
            Tensor shifted = x.sub(Reduce.maxAlong(x, d)[0]);
            out = shifted.sub(shifted.exp().sum(d, true).log()).contiguous();
        }
        return Graph.records(input) ? Graph.attach(out, new LogSoftmax(input, out, d)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        Tensor y = result.get();
        if (!GradMode.isEnabled() && grad.dtype() == DType.FLOAT32 && y.dtype() == DType.FLOAT32
                && y.numel() > 0 && dim == y.dim() - 1 && sameShape(grad, y)) {
            // An owned incoming gradient (nll_loss's, in cross-entropy) takes the result in place.
            return new Tensor[] {isOwned(grad) && grad.isContiguous()
                    ? owned(SoftmaxKernel.logSoftmaxBackwardLastDimInPlace(grad, y))
                    : SoftmaxKernel.logSoftmaxBackwardLastDim(grad, y)}; // PyTorch's order and exp
        }
        Tensor softmax = y.exp();
        return new Tensor[] {grad.sub(softmax.mul(grad.sum(dim, true)))};
    }

    @Override
    public String derivativeFormula(int input) {
        return "grad − exp(result) · sum(grad, dim=" + dim + ")";
    }
}

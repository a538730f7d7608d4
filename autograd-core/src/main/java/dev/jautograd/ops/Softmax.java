package dev.jautograd.ops;

import static dev.jautograd.internal.TensorInternals.sameShape;

import dev.jautograd.DType;
import dev.jautograd.Shapes;
import dev.jautograd.Tensor;
import dev.jautograd.autograd.GradMode;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.loops.Reduce;
import dev.jautograd.loops.SoftmaxKernel;

/** exp(x - max) / Σ exp(x - max) along a dim. Gradient: s · (grad - Σ grad·s). */
public final class Softmax extends Node {
    private final SavedTensor result;
    private final int dim;

    private Softmax(Tensor input, Tensor result, int dim) {
        super("SoftmaxBackward0", input);
        this.result = saveOutput(result);
        this.dim = dim;
    }

    public static Tensor apply(Tensor input, int dim) {
        int d = Shapes.wrapDim(dim, input.dim());
        SoftmaxChecks.check(input, d, "softmax");
        if (input.numel() == 0) {
            Tensor empty = TensorInternals.empty(input.dtype(), input.shape());
            return Graph.records(input) ? Graph.attach(empty, new Softmax(input, empty, d)) : empty;
        }
        Tensor x = input.detach();
        Tensor out;
        if (x.dtype() == DType.FLOAT32 && x.dim() > 0) {
            out = SoftmaxKernel.softmax(x, d); // PyTorch's order and exp: the same bits
        } else {
            Tensor e = x.sub(Reduce.maxAlong(x, d)[0]).exp();
            out = e.div(e.sum(d, true)).contiguous();
        }
        return Graph.records(input) ? Graph.attach(out, new Softmax(input, out, d)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        Tensor s = result.get();
        if (!GradMode.isEnabled() && grad.dtype() == DType.FLOAT32 && s.dtype() == DType.FLOAT32
                && s.numel() > 0 && dim == s.dim() - 1 && sameShape(grad, s)) {
            return new Tensor[] {SoftmaxKernel.softmaxBackwardLastDim(grad, s)}; // PyTorch's order
        }
        return new Tensor[] {s.mul(grad.sub(grad.mul(s).sum(dim, true)))};
    }

    @Override
    public String derivativeFormula(int input) {
        return "result · (grad − sum(grad · result, dim=" + dim + "))";
    }
}

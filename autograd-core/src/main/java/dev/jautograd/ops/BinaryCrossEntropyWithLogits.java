package dev.jautograd.ops;

import static dev.jautograd.internal.TensorInternals.sameShape;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;

/**
 * Binary cross entropy of logits in ATen's stable form, (1 - y)·x + m + log(e^-m + e^(-x-m))
 * with m = max(-x, 0) (BinaryCrossEntropyWithLogitsBackward0). Gradients (σ(x) - y)·grad for x
 * and -x·grad for y, each over N for "mean".
 */
public final class BinaryCrossEntropyWithLogits extends Node {
    private final SavedTensor input;
    private final SavedTensor target;
    private final Reduction reduction;

    private BinaryCrossEntropyWithLogits(Tensor input, Tensor target, Reduction reduction) {
        super("BinaryCrossEntropyWithLogitsBackward0", input, target);
        this.input = save(input);
        this.target = save(target);
        this.reduction = reduction;
    }

    public static Tensor apply(Tensor input, Tensor target, Reduction reduction) {
        if (!sameShape(input, target)) {
            throw new IllegalArgumentException("Target size (" + BinaryCrossEntropy.size(target)
                    + ") must be the same as input size (" + BinaryCrossEntropy.size(input) + ")");
        }
        Tensor x = input.detach(), y = target.detach();
        Tensor maxVal = x.neg().clampMin(0);
        Tensor loss = y.rsub(1).mul(x).add(maxVal).add(maxVal.neg().exp().add(x.neg().sub(maxVal).exp()).log());
        Tensor out = reduction.apply(loss);
        return Graph.records(input, target)
                ? Graph.attach(out, new BinaryCrossEntropyWithLogits(input, target, reduction)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        Tensor x = input.get(), y = target.get();
        Tensor gradInput = null, gradTarget = null;
        if (needsInputGrad(0)) {
            gradInput = x.sigmoid().sub(y).mul(grad);
            if (reduction == Reduction.MEAN) gradInput = gradInput.div(x.numel());
        }
        if (needsInputGrad(1)) {
            gradTarget = x.neg().mul(grad);
            if (reduction == Reduction.MEAN) gradTarget = gradTarget.div(y.numel());
        }
        return new Tensor[] {gradInput, gradTarget};
    }
}

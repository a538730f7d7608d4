package dev.jautograd.ops;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;

/**
 * Squared error (a - b)², kept, summed or averaged. Gradient as ATen's mse_loss_backward:
 * (a - b) · norm · grad with norm 2/N for "mean" and 2 otherwise, in that order of roundings.
 */
public final class MseLoss extends Node {
    private final SavedTensor input;
    private final SavedTensor target;
    private final Reduction reduction;
    private final int count;

    private MseLoss(Tensor input, Tensor target, Reduction reduction) {
        super("MseLossBackward0", input, target);
        this.count = input.numel();
        this.input = save(input);
        this.target = save(target);
        this.reduction = reduction;
    }

    public static Tensor apply(Tensor input, Tensor target) {
        return apply(input, target, Reduction.MEAN);
    }

    /** Input and target of the same shape (F.mse_loss broadcasts them first). */
    public static Tensor apply(Tensor input, Tensor target, Reduction reduction) {
        Tensor diff = input.detach().sub(target.detach());
        Tensor out = reduction.apply(diff.mul(diff));
        return Graph.records(input, target) ? Graph.attach(out, new MseLoss(input, target, reduction)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        double norm = reduction == Reduction.MEAN ? 2.0 / input.get().numel() : 2.0;
        Tensor a = input.get(), b = target.get();
        return new Tensor[] {
            needsInputGrad(0) ? a.sub(b).mul(norm).mul(grad) : null,
            needsInputGrad(1) ? b.sub(a).mul(norm).mul(grad) : null
        };
    }

    @Override
    public String derivativeFormula(int input) {
        String scale = reduction == Reduction.MEAN ? "2/" + count : "2";
        return input == 0 ? "grad · " + scale + "·(self − target)" : "grad · " + scale + "·(target − self)";
    }
}

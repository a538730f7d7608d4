package dev.jautograd.ops;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;

/** Mean squared error, mean((a - b)²); gradient ±2(a - b)/N. */
public final class MseLoss extends Node {
    private final SavedTensor input;
    private final SavedTensor target;

    private MseLoss(Tensor input, Tensor target) {
        super("MseLossBackward0", input, target);
        this.input = save(input);
        this.target = save(target);
    }

    public static Tensor apply(Tensor input, Tensor target) {
        Tensor diff = input.detach().sub(target.detach());
        Tensor out = diff.mul(diff).mean();
        return Graph.records(input, target) ? Graph.attach(out, new MseLoss(input, target)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        Tensor diff = input.get().sub(target.get());
        Tensor slope = diff.mul(grad.mul(2.0 / diff.numel()));
        return new Tensor[] {
            needsInputGrad(0) ? slope : null,
            needsInputGrad(1) ? slope.neg() : null
        };
    }
}

package dev.jautograd.nn;

import dev.jautograd.Tensor;

/** {@code nn.MSELoss(reduction="mean")}: {@link Functional#mseLoss} as a module.  */
public final class MSELoss extends Loss {
    public MSELoss() {
        this("mean");
    }

    public MSELoss(String reduction) {
        super(reduction);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.mseLoss(input, target, reduction());
    }
}

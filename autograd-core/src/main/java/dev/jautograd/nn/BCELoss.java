package dev.jautograd.nn;

import dev.jautograd.Tensor;

/** {@code nn.BCELoss(reduction="mean")}: {@link Functional#binaryCrossEntropy} as a module. Input: probabilities. */
public final class BCELoss extends Loss {
    public BCELoss() {
        this("mean");
    }

    public BCELoss(String reduction) {
        super(reduction);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.binaryCrossEntropy(input, target, reduction());
    }
}

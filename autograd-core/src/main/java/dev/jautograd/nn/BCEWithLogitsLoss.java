package dev.jautograd.nn;

import dev.jautograd.Tensor;

/** {@code nn.BCEWithLogitsLoss(reduction="mean")}: {@link Functional#binaryCrossEntropyWithLogits} as a module. Input: logits. */
public final class BCEWithLogitsLoss extends Loss {
    public BCEWithLogitsLoss() {
        this("mean");
    }

    public BCEWithLogitsLoss(String reduction) {
        super(reduction);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.binaryCrossEntropyWithLogits(input, target, reduction());
    }
}

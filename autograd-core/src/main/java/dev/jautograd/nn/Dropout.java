package dev.jautograd.nn;

import dev.jautograd.Tensor;

/**
 * {@code nn.Dropout(p=0.5)}: in training, zeroes each element with probability p and scales the
 * rest by 1/(1-p), drawing the mask as PyTorch's CPU {@code bernoulli_} does (same numbers after
 * the same seed); in eval mode, the identity.
 */
public final class Dropout extends Module {
    private final double p;

    public Dropout() {
        this(0.5);
    }

    public Dropout(double p) {
        Functional.checkDropoutProbability(p);
        this.p = p;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.dropout(input, p, isTraining());
    }

    @Override
    public String extraRepr() {
        return "p=" + PyRepr.number(p) + ", inplace=False";
    }
}

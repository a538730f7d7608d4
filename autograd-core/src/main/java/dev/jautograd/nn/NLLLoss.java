package dev.jautograd.nn;

import dev.jautograd.Tensor;

/** {@code nn.NLLLoss(ignore_index=-100, reduction="mean")}: {@link Functional#nllLoss} as a module; int64 class targets. */
public final class NLLLoss extends Loss {
    private final long ignoreIndex;

    public NLLLoss() {
        this("mean");
    }

    public NLLLoss(String reduction) {
        this(reduction, -100);
    }

    public NLLLoss(String reduction, long ignoreIndex) {
        super(reduction);
        this.ignoreIndex = ignoreIndex;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.nllLoss(input, target, reduction(), ignoreIndex);
    }
}

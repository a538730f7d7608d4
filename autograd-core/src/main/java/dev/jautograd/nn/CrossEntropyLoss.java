package dev.jautograd.nn;

import dev.jautograd.Tensor;

/** {@code nn.CrossEntropyLoss(ignore_index=-100, reduction="mean")}: {@link Functional#crossEntropy} as a module; int64 class targets. */
public final class CrossEntropyLoss extends Loss {
    private final long ignoreIndex;

    public CrossEntropyLoss() {
        this("mean");
    }

    public CrossEntropyLoss(String reduction) {
        this(reduction, -100);
    }

    public CrossEntropyLoss(String reduction, long ignoreIndex) {
        super(reduction);
        this.ignoreIndex = ignoreIndex;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.crossEntropy(input, target, reduction(), ignoreIndex);
    }
}

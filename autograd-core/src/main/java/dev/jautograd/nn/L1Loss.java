package dev.jautograd.nn;

import dev.jautograd.Tensor;

/** {@code nn.L1Loss(reduction="mean")}: {@link Functional#l1Loss} as a module.  */
public final class L1Loss extends Loss {
    public L1Loss() {
        this("mean");
    }

    public L1Loss(String reduction) {
        super(reduction);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.l1Loss(input, target, reduction());
    }
}

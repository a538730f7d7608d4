package dev.jautograd.nn;

import dev.jautograd.Tensor;

/** torch's {@code _Loss}: a module holding a {@code reduction} ("mean" by default) whose forward takes a target. */
public abstract class Loss extends Module {
    private final String reduction;

    protected Loss(String reduction) {
        this.reduction = reduction;
    }

    public String reduction() {
        return reduction;
    }

    /** As {@code criterion(input, target)}. */
    public abstract Tensor forward(Tensor input, Tensor target);
}

package dev.jautograd.nn;

import dev.jautograd.Tensor;

/** {@code nn.Identity()}: returns its input (a placeholder, e.g. for a removed layer). */
public final class Identity extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return input;
    }
}

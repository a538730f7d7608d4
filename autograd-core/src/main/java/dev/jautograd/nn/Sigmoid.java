package dev.jautograd.nn;

import dev.jautograd.Tensor;

/** {@code nn.Sigmoid()}: {@code Functional.sigmoid} as a module. */
public final class Sigmoid extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return input.sigmoid();
    }
}

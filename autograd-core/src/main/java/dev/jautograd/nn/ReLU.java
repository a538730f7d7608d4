package dev.jautograd.nn;

import dev.jautograd.Tensor;

/** {@code nn.ReLU()}: {@code Functional.relu} as a module. */
public final class ReLU extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return input.relu();
    }
}

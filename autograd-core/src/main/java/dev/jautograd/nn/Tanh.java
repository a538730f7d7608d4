package dev.jautograd.nn;

import dev.jautograd.Tensor;

/** {@code nn.Tanh()}: {@code Functional.tanh} as a module. */
public final class Tanh extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return input.tanh();
    }
}

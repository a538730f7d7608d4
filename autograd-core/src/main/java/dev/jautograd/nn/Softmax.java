package dev.jautograd.nn;

import dev.jautograd.Tensor;

/** {@code nn.Softmax(dim)}: {@code x.softmax(dim)} as a module. */
public final class Softmax extends Module {
    private final int dim;

    public Softmax(int dim) {
        this.dim = dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.softmax(dim);
    }

    @Override
    public String extraRepr() {
        return "dim=" + dim;
    }
}

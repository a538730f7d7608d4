package dev.jautograd.nn;

import dev.jautograd.Tensor;

/** {@code nn.LogSoftmax(dim)}: {@code x.logSoftmax(dim)} as a module. */
public final class LogSoftmax extends Module {
    private final int dim;

    public LogSoftmax(int dim) {
        this.dim = dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.logSoftmax(dim);
    }

    @Override
    public String extraRepr() {
        return "dim=" + dim;
    }
}

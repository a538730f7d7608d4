package dev.jautograd.ops;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.loops.Elementwise;

/** -1, 0 or 1 by sign; piecewise constant, so its gradient is zero. */
public final class Sign extends Node {
    private Sign(Tensor input) {
        super("SignBackward0", input);
    }

    public static Tensor apply(Tensor input) {
        Tensor out = Elementwise.map(input, input.dtype(), Math::signum);
        return Graph.records(input) ? Graph.attach(out, new Sign(input)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        return new Tensor[] {grad.mul(0)};
    }
}

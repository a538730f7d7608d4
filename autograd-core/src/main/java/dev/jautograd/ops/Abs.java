package dev.jautograd.ops;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;
import dev.jautograd.loops.Elementwise;

/** |x|; the gradient is sign(x), 0 at 0 as in PyTorch. */
public final class Abs extends Node {
    private final SavedTensor input;

    private Abs(Tensor input) {
        super("AbsBackward0", input);
        this.input = save(input);
    }

    public static Tensor apply(Tensor input) {
        Tensor out = Elementwise.map(input, input.dtype(), Math::abs);
        return Graph.records(input) ? Graph.attach(out, new Abs(input)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        return new Tensor[] {grad.mul(input.get().sign())};
    }
}

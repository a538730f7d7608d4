package dev.jautograd.ops;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;
import dev.jautograd.loops.Elementwise;

/** Sine. */
public final class Sin extends Node {
    private final SavedTensor saved;

    private Sin(Tensor input) {
        super("SinBackward0", input);
        this.saved = save(input);
    }

    public static Tensor apply(Tensor input) {
        Tensor out = Elementwise.map(input, Graph.floatResult(input), Math::sin);
        return Graph.records(input) ? Graph.attach(out, new Sin(input)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        Tensor input = saved.get();
        return new Tensor[] {grad.mul(input.cos())};
    }
}

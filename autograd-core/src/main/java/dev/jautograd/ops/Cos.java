package dev.jautograd.ops;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;
import dev.jautograd.loops.Elementwise;

/** Cosine. */
public final class Cos extends Node {
    private final SavedTensor saved;

    private Cos(Tensor input) {
        super("CosBackward0", input);
        this.saved = save(input);
    }

    public static Tensor apply(Tensor input) {
        Tensor out = Elementwise.map(input, Graph.floatResult(input), Math::cos);
        return Graph.records(input) ? Graph.attach(out, new Cos(input)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        Tensor input = saved.get();
        return new Tensor[] {grad.mul(input.sin().neg())};
    }
}

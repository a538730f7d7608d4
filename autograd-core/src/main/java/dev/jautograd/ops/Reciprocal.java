package dev.jautograd.ops;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;
import dev.jautograd.loops.Elementwise;

/** 1 / x (integers give the default float dtype); d(1/x) = -1/x², written as -result² from the saved result. */
public final class Reciprocal extends Node {
    private final SavedTensor saved;

    private Reciprocal(Tensor input, Tensor result) {
        super("ReciprocalBackward0", input);
        this.saved = saveOutput(result);
    }

    public static Tensor apply(Tensor input) {
        Tensor out = Elementwise.map(input, Graph.floatResult(input), x -> 1 / x);
        return Graph.records(input) ? Graph.attach(out, new Reciprocal(input, out)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        Tensor result = saved.get();
        return new Tensor[] {grad.mul(result.mul(result).neg())};
    }
}

package dev.jautograd.ops;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;
import dev.jautograd.loops.Elementwise;
import dev.jautograd.loops.FloatFunction;

/** Hyperbolic tangent; d tanh = 1 - tanh². */
public final class Tanh extends Node {
    private final SavedTensor saved;

    private Tanh(Tensor input, Tensor result) {
        super("TanhBackward0", input);
        this.saved = saveOutput(result);
    }

    public static Tensor apply(Tensor input) {
        Tensor out = Elementwise.map(input, Graph.floatResult(input), FloatFunction.TANH);
        return Graph.records(input) ? Graph.attach(out, new Tanh(input, out)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        Tensor result = saved.get();
        return new Tensor[] {grad.mul(result.mul(result).rsub(1))};
    }
}

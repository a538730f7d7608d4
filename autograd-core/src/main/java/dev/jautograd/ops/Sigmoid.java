package dev.jautograd.ops;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;
import dev.jautograd.loops.Elementwise;
import dev.jautograd.loops.FloatFunction;

/** Logistic sigmoid; dσ = σ(1 - σ), as ATen's sigmoid_backward: grad · (1 - σ) · σ in that order. */
public final class Sigmoid extends Node {
    private final SavedTensor saved;

    private Sigmoid(Tensor input, Tensor result) {
        super("SigmoidBackward0", input);
        this.saved = saveOutput(result);
    }

    public static Tensor apply(Tensor input) {
        Tensor out = Elementwise.map(input, Graph.floatResult(input), FloatFunction.SIGMOID);
        return Graph.records(input) ? Graph.attach(out, new Sigmoid(input, out)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        Tensor result = saved.get();
        return new Tensor[] {grad.mul(result.rsub(1)).mul(result)};
    }
}

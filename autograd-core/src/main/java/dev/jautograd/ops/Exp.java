package dev.jautograd.ops;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;
import dev.jautograd.loops.Elementwise;
import dev.jautograd.loops.FloatFunction;

/** e^x; the gradient reuses the result, as PyTorch's formula does. */
public final class Exp extends Node {
    private final SavedTensor saved;

    private Exp(Tensor input, Tensor result) {
        super("ExpBackward0", input);
        this.saved = saveOutput(result);
    }

    public static Tensor apply(Tensor input) {
        Tensor out = Elementwise.map(input, Graph.floatResult(input), FloatFunction.EXP);
        return Graph.records(input) ? Graph.attach(out, new Exp(input, out)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        Tensor result = saved.get();
        return new Tensor[] {grad.mul(result)};
    }
}

package dev.jautograd.ops;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;
import dev.jautograd.loops.Elementwise;
import dev.jautograd.loops.FloatFunction;

/** Square root; d√x = 1 / (2√x), from the saved result. */
public final class Sqrt extends Node {
    private final SavedTensor saved;

    private Sqrt(Tensor input, Tensor result) {
        super("SqrtBackward0", input);
        this.saved = saveOutput(result);
    }

    public static Tensor apply(Tensor input) {
        Tensor out = Elementwise.map(input, Graph.floatResult(input), FloatFunction.SQRT);
        return Graph.records(input) ? Graph.attach(out, new Sqrt(input, out)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        Tensor result = saved.get();
        return new Tensor[] {grad.div(result.mul(2))};
    }
}

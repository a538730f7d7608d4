package dev.jautograd.ops;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;
import dev.jautograd.loops.Elementwise;
import dev.jautograd.loops.FloatFunction;

/** Natural logarithm. */
public final class Log extends Node {
    private final SavedTensor saved;

    private Log(Tensor input) {
        super("LogBackward0", input);
        this.saved = save(input);
    }

    public static Tensor apply(Tensor input) {
        Tensor out = Elementwise.map(input, Graph.floatResult(input), FloatFunction.LOG);
        return Graph.records(input) ? Graph.attach(out, new Log(input)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        Tensor input = saved.get();
        return new Tensor[] {grad.div(input)};
    }
}

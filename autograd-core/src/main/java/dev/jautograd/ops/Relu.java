package dev.jautograd.ops;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;
import dev.jautograd.loops.Elementwise;
import dev.jautograd.loops.FloatFunction;

/** max(x, 0); the gradient passes where the result is positive, else +0 (PyTorch's threshold_backward). */
public final class Relu extends Node {
    private final SavedTensor result;

    private Relu(Tensor input, Tensor result) {
        super("ReluBackward0", input);
        this.result = saveOutput(result);
    }

    public static Tensor apply(Tensor input) {
        Tensor out = Elementwise.map(input, input.dtype(), FloatFunction.RELU);
        return Graph.records(input) ? Graph.attach(out, new Relu(input, out)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        // Select, not multiply: an inf or NaN gradient where the input was clamped must give +0.
        return new Tensor[] {Where.apply(result.get().gt(0), grad, Graph.scalar(0, grad))};
    }
}

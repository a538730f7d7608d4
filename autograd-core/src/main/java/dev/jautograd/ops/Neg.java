package dev.jautograd.ops;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.loops.Elementwise;
import dev.jautograd.loops.FloatFunction;

/** -x. */
public final class Neg extends Node {
    private Neg(Tensor input) {
        super("NegBackward0", input);
    }

    public static Tensor apply(Tensor input) {
        if (input.dtype() == dev.jautograd.DType.BOOL) {
            throw new IllegalArgumentException("Negation, the `-` operator, on a bool tensor is not supported. If you "
                    + "are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
        }
        Tensor out = Elementwise.map(input, input.dtype(), FloatFunction.NEG);
        return Graph.records(input) ? Graph.attach(out, new Neg(input)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        return new Tensor[] {grad.neg()};
    }
}

package dev.jautograd.ops;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.loops.Arith;
import dev.jautograd.loops.Elementwise;

/** a - b. */
public final class Sub extends Node {
    private Sub(Tensor a, Tensor b) {
        super("SubBackward0", a, b);
    }

    public static Tensor apply(Tensor a, Tensor b) {
        Graph.checkSubtraction(a, b);
        Tensor out = Elementwise.zip(a, b, Graph.promote(a, b), Arith.SUB);
        return Graph.records(a, b) ? Graph.attach(out, new Sub(a, b)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        return new Tensor[] {grad, needsInputGrad(1) ? grad.neg() : null};
    }

    @Override
    public String derivativeFormula(int input) {
        return input == 0 ? "grad" : "-grad";
    }
}

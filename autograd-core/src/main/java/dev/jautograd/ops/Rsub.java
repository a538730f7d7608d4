package dev.jautograd.ops;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.loops.Arith;
import dev.jautograd.loops.Elementwise;

/** {@code other - a}, as {@code torch.rsub}; a Python {@code 1 - a} records RsubBackward1. */
public final class Rsub extends Node {
    private Rsub(String name, Tensor... inputs) {
        super(name, inputs);
    }

    /** {@code b - a} for two tensors (RsubBackward0). */
    public static Tensor apply(Tensor a, Tensor b) {
        Graph.checkSubtraction(a, b);
        Tensor out = Elementwise.zip(b, a, Graph.promote(a, b), Arith.SUB);
        return Graph.records(a, b) ? Graph.attach(out, new Rsub("RsubBackward0", a, b)) : out;
    }

    /** {@code value - a} (RsubBackward1: the scalar is not an input). */
    public static Tensor apply(Tensor a, double value) {
        Tensor other = Graph.scalar(value, a);
        Graph.checkSubtraction(a, other);
        Tensor out = Elementwise.zip(other, a, Graph.promote(a, other), Arith.SUB);
        return Graph.records(a) ? Graph.attach(out, new Rsub("RsubBackward1", a)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        Tensor negated = grad.neg();
        return nextFunctions().size() == 2 ? new Tensor[] {negated, grad} : new Tensor[] {negated};
    }

    @Override
    public String derivativeFormula(int input) {
        // RsubBackward0's inputs are (self, other) for other − self; RsubBackward1 has self only.
        return input == 0 ? "-grad" : "grad";
    }
}

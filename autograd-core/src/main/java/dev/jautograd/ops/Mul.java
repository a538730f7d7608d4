package dev.jautograd.ops;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;
import dev.jautograd.loops.Arith;
import dev.jautograd.loops.Elementwise;

/** a * b. */
public final class Mul extends Node {
    private final SavedTensor a;
    private final SavedTensor b;

    private Mul(Tensor a, Tensor b) {
        super("MulBackward0", a, b);
        // Each input's gradient needs only the other input: save just what will be used.
        this.a = needsInputGrad(1) ? save(a) : null;
        this.b = needsInputGrad(0) ? save(b) : null;
    }

    public static Tensor apply(Tensor a, Tensor b) {
        Tensor out = Elementwise.zip(a, b, Graph.promote(a, b), Arith.MUL);
        return Graph.records(a, b) ? Graph.attach(out, new Mul(a, b)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        return new Tensor[] {
            needsInputGrad(0) ? grad.mul(b.get()) : null,
            needsInputGrad(1) ? grad.mul(a.get()) : null
        };
    }

    @Override
    public String derivativeFormula(int input) {
        return input == 0 ? "grad · other" : "grad · self";
    }
}

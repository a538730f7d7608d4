package dev.jautograd.ops;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;
import dev.jautograd.loops.Arith;
import dev.jautograd.loops.Elementwise;

/** a / b, true division (integers divide to the default float dtype). */
public final class Div extends Node {
    private final SavedTensor a;
    private final SavedTensor b;

    private Div(Tensor a, Tensor b) {
        super("DivBackward0", a, b);
        this.a = needsInputGrad(1) ? save(a) : null;
        this.b = save(b);
    }

    public static Tensor apply(Tensor a, Tensor b) {
        var dtype = Graph.promote(a, b);
        if (!dtype.isFloatingPoint()) dtype = dev.jautograd.DType.defaultFloat();
        Tensor out = Elementwise.zip(a, b, dtype, Arith.DIV);
        return Graph.records(a, b) ? Graph.attach(out, new Div(a, b)) : out;
    }

    // d(a/b)/da = 1/b;  d(a/b)/db = -a/b².
    @Override
    protected Tensor[] backward(Tensor grad) {
        Tensor other = b.get();
        return new Tensor[] {
            needsInputGrad(0) ? grad.div(other) : null,
            needsInputGrad(1) ? grad.neg().mul(a.get()).div(other.mul(other)) : null
        };
    }

    @Override
    public String derivativeFormula(int input) {
        return input == 0 ? "grad / other" : "-grad · self / other²";
    }
}

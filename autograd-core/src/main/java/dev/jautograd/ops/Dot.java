package dev.jautograd.ops;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;
import dev.jautograd.loops.Reduce;

/** Inner product of two 1-D tensors. */
public final class Dot extends Node {
    private final SavedTensor a;
    private final SavedTensor b;

    private Dot(Tensor a, Tensor b) {
        super("DotBackward0", a, b);
        this.a = needsInputGrad(1) ? save(a) : null;
        this.b = needsInputGrad(0) ? save(b) : null;
    }

    public static Tensor apply(Tensor a, Tensor b) {
        if (a.dim() != 1 || b.dim() != 1) {
            throw new IllegalArgumentException("1D tensors expected, but got " + a.dim() + "D and " + b.dim()
                    + "D tensors");
        }
        if (a.size(0) != b.size(0)) {
            throw new IllegalArgumentException("inconsistent tensor size, expected tensor [" + a.size(0)
                    + "] and src [" + b.size(0) + "] to have the same number of elements, but got " + a.size(0)
                    + " and " + b.size(0) + " elements respectively");
        }
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException("dot : expected both vectors to have same dtype, but found "
                    + a.dtype().scalarTypeName() + " and " + b.dtype().scalarTypeName());
        }
        Tensor products = a.detach().mul(b.detach());
        Tensor out = Reduce.sum(products, new boolean[] {true}, false, a.dtype());
        return Graph.records(a, b) ? Graph.attach(out, new Dot(a, b)) : out;
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
        return input == 0 ? "grad · tensor" : "grad · self";
    }
}

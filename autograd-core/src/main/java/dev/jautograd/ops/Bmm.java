package dev.jautograd.ops;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;
import dev.jautograd.loops.Linalg;

/** Batched matrix product of two 3-D tensors with the same batch size. */
public final class Bmm extends Node {
    private final SavedTensor a;
    private final SavedTensor b;

    private Bmm(Tensor a, Tensor b) {
        super("BmmBackward0", a, b);
        this.a = needsInputGrad(1) ? save(a) : null;
        this.b = needsInputGrad(0) ? save(b) : null;
    }

    public static Tensor apply(Tensor a, Tensor b) {
        if (a.dim() != 3) throw new IllegalArgumentException("batch1 must be a 3D tensor");
        if (b.dim() != 3) throw new IllegalArgumentException("batch2 must be a 3D tensor");
        if (b.size(0) != a.size(0) || b.size(1) != a.size(2)) {
            throw new IllegalArgumentException("Expected size for first two dimensions of batch2 tensor to be: ["
                    + a.size(0) + ", " + a.size(2) + "] but got: [" + b.size(0) + ", " + b.size(1) + "].");
        }
        LinalgChecks.sameDtype(a, b);
        Tensor out = Linalg.bmm(a, b, a.dtype());
        return Graph.records(a, b) ? Graph.attach(out, new Bmm(a, b)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        return new Tensor[] {
            needsInputGrad(0) ? grad.bmm(b.get().transpose(1, 2)) : null,
            needsInputGrad(1) ? a.get().transpose(1, 2).bmm(grad) : null
        };
    }

    @Override
    public String derivativeFormula(int input) {
        return input == 0 ? "grad @ mat2ᵀ" : "selfᵀ @ grad";
    }
}

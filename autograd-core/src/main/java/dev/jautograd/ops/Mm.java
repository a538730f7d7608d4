package dev.jautograd.ops;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;
import dev.jautograd.loops.Linalg;

/** Matrix product of two 2-D tensors. */
public final class Mm extends Node {
    private final SavedTensor a;
    private final SavedTensor b;
    private final boolean aColumnMajor, bColumnMajor;

    private Mm(Tensor a, Tensor b) {
        super("MmBackward0", a, b);
        this.aColumnMajor = MmGrads.columnMajor(a);
        this.bColumnMajor = MmGrads.columnMajor(b);
        this.a = needsInputGrad(1) ? save(a) : null;
        this.b = needsInputGrad(0) ? save(b) : null;
    }

    public static Tensor apply(Tensor a, Tensor b) {
        if (a.dim() != 2) throw new IllegalArgumentException("self must be a matrix");
        if (b.dim() != 2) throw new IllegalArgumentException("mat2 must be a matrix");
        if (a.size(1) != b.size(0)) {
            throw new IllegalArgumentException("mat1 and mat2 shapes cannot be multiplied (" + a.size(0) + "x"
                    + a.size(1) + " and " + b.size(0) + "x" + b.size(1) + ")");
        }
        LinalgChecks.sameDtype(a, b);
        Tensor out = Linalg.mm(a, b, a.dtype());
        return Graph.records(a, b) ? Graph.attach(out, new Mm(a, b)) : out;
    }

    // C = A B  ⇒  dA = dC Bᵀ,  dB = Aᵀ dC.
    @Override
    protected Tensor[] backward(Tensor grad) {
        return new Tensor[] {
            needsInputGrad(0) ? owned(MmGrads.mat1(grad, b.get(), aColumnMajor)) : null,
            needsInputGrad(1) ? owned(MmGrads.mat2(grad, a.get(), bColumnMajor)) : null
        };
    }

    @Override
    public String derivativeFormula(int input) {
        return input == 0 ? "grad @ mat2ᵀ" : "selfᵀ @ grad";
    }
}

package dev.jautograd.ops;

import static dev.jautograd.internal.TensorInternals.storage;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.loops.Linalg;

/** Matrix (n×k) times vector (k). */
public final class Mv extends Node {
    private final SavedTensor matrix;
    private final SavedTensor vector;

    private Mv(Tensor matrix, Tensor vector) {
        super("MvBackward0", matrix, vector);
        this.matrix = needsInputGrad(1) ? save(matrix) : null;
        this.vector = needsInputGrad(0) ? save(vector) : null;
    }

    public static Tensor apply(Tensor matrix, Tensor vector) {
        if (matrix.dim() != 2 || vector.dim() != 1) {
            throw new IllegalArgumentException("vector + matrix @ vector expected, got 1, " + matrix.dim() + ", "
                    + vector.dim());
        }
        if (matrix.size(1) != vector.size(0)) {
            throw new IllegalArgumentException("size mismatch, got " + matrix.size(0) + ", " + matrix.size(0) + "x"
                    + matrix.size(1) + "," + vector.size(0));
        }
        LinalgChecks.sameDtype(matrix, vector);
        Tensor column = vector.detach().reshape(vector.size(0), 1);
        Tensor out = TensorInternals.wrap(storage(Linalg.mm(matrix, column, matrix.dtype())), matrix.size(0));
        return Graph.records(matrix, vector) ? Graph.attach(out, new Mv(matrix, vector)) : out;
    }

    // y = M v  ⇒  dM = dy vᵀ (outer product),  dv = Mᵀ dy.
    @Override
    protected Tensor[] backward(Tensor grad) {
        return new Tensor[] {
            needsInputGrad(0) ? grad.unsqueeze(1).mm(vector.get().unsqueeze(0)) : null,
            needsInputGrad(1) ? matrix.get().t().mv(grad) : null
        };
    }

    @Override
    public String derivativeFormula(int input) {
        return input == 0 ? "grad ⊗ vec" : "selfᵀ @ grad";
    }
}

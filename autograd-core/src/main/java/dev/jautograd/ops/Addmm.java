package dev.jautograd.ops;

import dev.jautograd.Shapes;
import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;

/** bias + m1 @ m2, the fused form {@code nn.Linear} records (AddmmBackward0). */
public final class Addmm extends Node {
    private final SavedTensor m1;
    private final SavedTensor m2;
    private final boolean m1ColumnMajor, m2ColumnMajor;

    private Addmm(Tensor bias, Tensor m1, Tensor m2) {
        super("AddmmBackward0", bias, m1, m2);
        this.m1ColumnMajor = MmGrads.columnMajor(m1);
        this.m2ColumnMajor = MmGrads.columnMajor(m2);
        this.m1 = needsInputGrad(2) ? save(m1) : null;
        this.m2 = needsInputGrad(1) ? save(m2) : null;
    }

    public static Tensor apply(Tensor bias, Tensor m1, Tensor m2) {
        if (m1.dtype() != m2.dtype()) throw new IllegalArgumentException("mat1 and mat2 must have the same dtype");
        Tensor out;
        try (var plain = dev.jautograd.autograd.GradMode.disabled()) {
            Tensor product = Mm.apply(m1, m2);
            // The product is fresh: the bias goes into it (the same sums) unless it changes its dtype or shape.
            boolean into = bias.dtype() == product.dtype()
                    && Shapes.same(Shapes.broadcast(product.shape(), bias.shape()), product.shape());
            out = into ? product.add_(bias) : product.add(bias);
        }
        return Graph.records(bias, m1, m2) ? Graph.attach(out, new Addmm(bias, m1, m2)) : out;
    }

    // The bias was broadcast over the rows: the engine sums its gradient back to the bias shape.
    @Override
    protected Tensor[] backward(Tensor grad) {
        return new Tensor[] {
            needsInputGrad(0) ? grad : null,
            needsInputGrad(1) ? owned(MmGrads.mat1(grad, m2.get(), m1ColumnMajor)) : null,
            needsInputGrad(2) ? owned(MmGrads.mat2(grad, m1.get(), m2ColumnMajor)) : null
        };
    }

    @Override
    public String derivativeFormula(int input) {
        return input == 0 ? "grad" : input == 1 ? "grad @ mat2ᵀ" : "mat1ᵀ @ grad";
    }
}

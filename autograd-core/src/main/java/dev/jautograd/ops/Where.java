package dev.jautograd.ops;

import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;
import dev.jautograd.loops.Elementwise;

/** {@code torch.where(cond, a, b)}: the gradient goes to whichever side was chosen. */
public final class Where extends Node {
    private final SavedTensor condition;

    private Where(Tensor condition, Tensor a, Tensor b) {
        super("WhereBackward0", a, b);
        this.condition = save(condition);
    }

    public static Tensor apply(Tensor condition, Tensor a, Tensor b) {
        if (condition.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("where expected condition to be a boolean tensor, but got a tensor "
                    + "with dtype " + condition.dtype().scalarTypeName());
        }
        Tensor out = Elementwise.select(condition, a, b, Graph.promote(a, b));
        return Graph.records(a, b) ? Graph.attach(out, new Where(condition, a, b)) : out;
    }


    @Override
    protected Tensor[] backward(Tensor grad) {
        Tensor cond = condition.get(), zero = Graph.scalar(0, grad);
        return new Tensor[] {
            needsInputGrad(0) ? apply(cond, grad, zero) : null,
            needsInputGrad(1) ? apply(cond, zero, grad) : null
        };
    }
}

package dev.jautograd.ops;

import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.loops.Copy;

/** A contiguous copy (CloneBackward0), or a copy to another dtype (ToCopyBackward0). */
public final class Clone extends Node {
    private Clone(String name, Tensor input) {
        super(name, input);
    }

    public static Tensor apply(Tensor input) {
        Tensor out = Copy.materialize(input, input.dtype());
        return Graph.records(input) ? Graph.attach(out, new Clone("CloneBackward0", input)) : out;
    }

    /** As {@code to(dtype)}: the same tensor when the dtype already matches, as in PyTorch. */
    public static Tensor to(Tensor input, DType dtype) {
        if (input.dtype() == dtype) return input;
        Tensor out = Copy.materialize(input, dtype);
        boolean records = dtype.isFloatingPoint() && Graph.records(input);
        return records ? Graph.attach(out, new Clone("ToCopyBackward0", input)) : out;
    }

    // The engine casts the gradient back to the input's dtype.
    @Override
    protected Tensor[] backward(Tensor grad) {
        return new Tensor[] {grad};
    }

    @Override
    public String derivativeFormula(int input) {
        return "grad";
    }
}

package dev.jautograd.ops;

import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.loops.Reduce;
import java.util.List;

/** Sum of all elements (SumBackward0) or over dims (SumBackward1); its gradient is an expand. */
public final class Sum extends Node {
    private final int[] inputShape;
    private final Dims dims;

    private Sum(String name, Tensor input, Dims dims) {
        super(name, input);
        this.inputShape = input.shape();
        this.dims = dims;
    }

    public static Tensor apply(Tensor input) {
        return apply("SumBackward0", input, Dims.all(input.dim()));
    }

    public static Tensor apply(Tensor input, int[] dims, boolean keepdim) {
        return apply("SumBackward1", input, Dims.of(dims, input.dim(), keepdim));
    }

    private static Tensor apply(String name, Tensor input, Dims dims) {
        // Integer sums widen to int64, as in PyTorch.
        DType dtype = input.dtype().isFloatingPoint() ? input.dtype() : DType.INT64;
        Tensor out = Reduce.sum(input, dims.reduced(), dims.keepdim(), dtype);
        return Graph.records(input) ? Graph.attach(out, new Sum(name, input, dims)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        return new Tensor[] {dims.restore(grad).expand(inputShape)};
    }

    @Override
    public List<String> attributes() {
        return dims.describe();
    }

    @Override
    public String derivativeFormula(int input) {
        return Formulas.expanded("grad", inputShape);
    }
}

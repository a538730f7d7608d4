package dev.jautograd.ops;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.loops.Reduce;
import java.util.List;

/** Mean of all elements (MeanBackward0) or over dims (MeanBackward1). */
public final class Mean extends Node {
    private final int[] inputShape;
    private final Dims dims;
    private final int count;

    private Mean(String name, Tensor input, Dims dims, int count) {
        super(name, input);
        this.inputShape = input.shape();
        this.dims = dims;
        this.count = count;
    }

    public static Tensor apply(Tensor input) {
        return apply("MeanBackward0", input, Dims.all(input.dim()));
    }

    public static Tensor apply(Tensor input, int[] dims, boolean keepdim) {
        return apply("MeanBackward1", input, Dims.of(dims, input.dim(), keepdim));
    }

    private static Tensor apply(String name, Tensor input, Dims dims) {
        if (!input.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("mean(): could not infer output dtype. Input dtype must be either a "
                    + "floating point or complex dtype. Got: " + (input.dtype() == dev.jautograd.DType.BOOL ? "Bool" : "Long"));
        }
        int count = dims.count(input.shape());
        Tensor out = Reduce.mean(input, dims.reduced(), dims.keepdim(), count);
        return Graph.records(input) ? Graph.attach(out, new Mean(name, input, dims, count)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        return new Tensor[] {dims.restore(grad).expand(inputShape).div(count)};
    }

    @Override
    public List<String> attributes() {
        return dims.describe();
    }

    @Override
    public String derivativeFormula(int input) {
        return Formulas.expanded("grad / " + count, inputShape);
    }
}

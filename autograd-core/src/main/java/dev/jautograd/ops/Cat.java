package dev.jautograd.ops;

import dev.jautograd.DType;
import dev.jautograd.Shapes;
import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.loops.Copy;
import java.util.List;

/**
 * {@code cat} (CatBackward0) joins tensors along an existing dim; {@code stack}
 * (StackBackward0) along a new one. Each input's gradient is its own part of the output's.
 */
public final class Cat extends Node {
    private final int dim;
    private final int[] starts;
    private final int[] sizes;

    private Cat(String name, Tensor[] inputs, int dim, int[] starts, int[] sizes) {
        super(name, inputs);
        this.dim = dim;
        this.starts = starts;
        this.sizes = sizes;
    }

    public static Tensor cat(List<Tensor> tensors, int dim) {
        if (tensors.isEmpty()) throw new IllegalArgumentException("torch.cat(): expected a non-empty list of Tensors");
        Tensor[] inputs = tensors.toArray(Tensor[]::new);
        Tensor first = null;
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i].dim() == 0) {
                throw new IllegalArgumentException("zero-dimensional tensor (at position " + i
                        + ") cannot be concatenated");
            }
            // PyTorch 1.13 still skips 1-D empty tensors whatever the others' shapes.
            if (first == null && !isLegacyEmpty(inputs[i])) first = inputs[i];
        }
        if (first == null) first = inputs[0];
        int d = Shapes.wrapDim(dim, first.dim());
        int[] shape = first.shape(), starts = new int[inputs.length], sizes = new int[inputs.length];
        DType dtype = inputs[0].dtype();
        int total = 0;
        for (int i = 0; i < inputs.length; i++) {
            dtype = DType.promote(dtype, inputs[i].dtype());
            if (isLegacyEmpty(inputs[i]) && inputs[i] != first) continue;
            checkMatches(first, inputs[i], d, i);
            starts[i] = total;
            sizes[i] = inputs[i].size(d);
            total += sizes[i];
        }
        shape[d] = total;
        Tensor out = TensorInternals.empty(dtype, shape);
        for (int i = 0; i < inputs.length; i++) {
            if (sizes[i] > 0) Copy.copyInto(Slicing.narrow(out, d, starts[i], sizes[i]), inputs[i]);
        }
        return Graph.records(inputs) ? Graph.attach(out, new Cat("CatBackward0", inputs, d, starts, sizes)) : out;
    }

    private static boolean isLegacyEmpty(Tensor t) {
        return t.dim() == 1 && t.size(0) == 0;
    }

    private static void checkMatches(Tensor first, Tensor t, int d, int i) {
        if (t.dim() != first.dim()) {
            throw new IllegalArgumentException("Tensors must have same number of dimensions: got " + first.dim()
                    + " and " + t.dim());
        }
        for (int k = 0; k < t.dim(); k++) {
            if (k != d && t.size(k) != first.size(k)) {
                throw new IllegalArgumentException("Sizes of tensors must match except in dimension " + d
                        + ". Expected size " + first.size(k) + " but got size " + t.size(k) + " for tensor number "
                        + i + " in the list.");
            }
        }
    }

    public static Tensor stack(List<Tensor> tensors, int dim) {
        if (tensors.isEmpty()) throw new IllegalArgumentException("stack expects a non-empty TensorList");
        Tensor[] inputs = tensors.toArray(Tensor[]::new);
        int d = Shapes.wrapDim(dim, inputs[0].dim() + 1);
        Tensor[] unsqueezed = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            if (!Shapes.same(inputs[i].shape(), inputs[0].shape())) {
                throw new IllegalArgumentException("stack expects each tensor to be equal size, but got "
                        + Shapes.listString(inputs[0].shape()) + " at entry 0 and "
                        + Shapes.listString(inputs[i].shape()) + " at entry " + i);
            }
            unsqueezed[i] = inputs[i].detach().unsqueeze(d);
        }
        Tensor out = cat(List.of(unsqueezed), d);
        return Graph.records(inputs) ? Graph.attach(out, new Cat("StackBackward0", inputs, d, null, null)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        Tensor[] out = new Tensor[nextFunctions().size()];
        for (int i = 0; i < out.length; i++) {
            if (!needsInputGrad(i)) continue;
            if (starts == null) out[i] = grad.select(dim, i);
            else if (sizes[i] > 0 || i == 0) out[i] = grad.narrow(dim, starts[i], sizes[i]);
            else out[i] = TensorInternals.empty(grad.dtype(), 0); // a skipped 1-D empty input
        }
        return out;
    }
}

package dev.jautograd.ops;

import dev.jautograd.DType;
import dev.jautograd.Shapes;
import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;

/**
 * Negative log-likelihood of class targets, mean over the batch: -Σ input[i, target[i]] / N.
 * The gradient puts -grad/N at each (i, target[i]) and zero elsewhere: a one-hot mask.
 */
public final class NllLoss extends Node {
    private final SavedTensor oneHot;
    private final int batch;

    private NllLoss(Tensor input, Tensor oneHot, int batch) {
        super("NllLossBackward0", input);
        this.oneHot = save(oneHot);
        this.batch = batch;
    }

    public static Tensor apply(Tensor input, Tensor target) {
        if (input.dim() != 2) throw new IllegalArgumentException("Expected 2 dimensions (got " + input.dim() + ")");
        if (target.dtype() != DType.INT64) {
            throw new IllegalArgumentException("expected scalar type Long but found " + target.dtype().scalarTypeName());
        }
        int n = input.size(0), classes = input.size(1);
        if (target.dim() != 1 || target.size(0) != n) {
            throw new IllegalArgumentException("Expected input batch_size (" + n + ") to match target batch_size ("
                    + (target.dim() == 0 ? 0 : target.size(0)) + ").");
        }
        Tensor oneHot = oneHot(target.toLongArray(), classes, input.dtype());
        Tensor picked = input.detach().mul(oneHot).sum();
        Tensor out = picked.neg().div(n);
        return Graph.records(input) ? Graph.attach(out, new NllLoss(input, oneHot, n)) : out;
    }

    private static Tensor oneHot(long[] targets, int classes, DType dtype) {
        Tensor mask = Tensor.empty(dtype, targets.length, classes);
        for (int i = 0; i < targets.length; i++) {
            if (targets[i] < 0 || targets[i] >= classes) {
                throw new IndexOutOfBoundsException("Target " + targets[i] + " is out of bounds.");
            }
            mask.storage().set(i * classes + (int) targets[i], 1);
        }
        return mask;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        return new Tensor[] {oneHot.get().mul(grad.neg().div(batch))};
    }

    @Override
    public java.util.List<String> attributes() {
        return java.util.List.of("reduction=mean", "batch=" + Shapes.listString(new int[] {batch}));
    }
}

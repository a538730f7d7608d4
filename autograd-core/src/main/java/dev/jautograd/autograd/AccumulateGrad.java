package dev.jautograd.autograd;

import static dev.jautograd.internal.TensorInternals.hasDefaultStrides;
import static dev.jautograd.internal.TensorInternals.storage;

import dev.jautograd.Tensor;
import dev.jautograd.Torch;

/**
 * The node at the end of every path to a leaf that requires grad: it adds the arriving gradient
 * into the leaf's {@code .grad}, so repeated backward passes accumulate as in PyTorch.
 */
public final class AccumulateGrad extends Node {
    private final Tensor variable;

    public AccumulateGrad(Tensor variable) {
        super("AccumulateGrad");
        this.variable = variable;
    }

    /** The leaf this node accumulates into (PyTorch's {@code AccumulateGrad.variable}). */
    public Tensor variable() {
        return variable;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        Tensor current = variable.grad();
        if (current == null && stealable(grad)) {
            variable.setGrad(grad.detach()); // nobody else holds it: PyTorch steals it too (no copy)
        } else if (current == null) {
            // A fresh copy: the arriving tensor may be shared with other leaves' gradients.
            // With create_graph PyTorch copies into a new dense tensor (clone_obey_contract), so the
            // gradient's history ends in CopyBackwards.
            variable.setGrad(GradMode.isEnabled() ? Torch.zerosLike(grad).copy_(grad) : grad.detach().clone());
        } else if (GradMode.isEnabled()) {
            variable.setGrad(current.add(grad)); // create_graph: keep the sum differentiable
        } else {
            current.add_(grad);
        }
        return new Tensor[0];
    }

    /**
     * PyTorch's rule for taking the arriving gradient as {@code .grad} itself: not building a
     * graph, nothing else references it ({@link #isOwned}: Java's stand-in for use_count), and
     * it is laid out as the copy would be (dense, its whole storage), so no one can tell.
     */
    private boolean stealable(Tensor grad) {
        return !GradMode.isEnabled() && isOwned(grad) && hasDefaultStrides(grad) && grad.storageOffset() == 0
                && storage(grad).size() == grad.numel() && grad.dtype() == variable.dtype();
    }
}

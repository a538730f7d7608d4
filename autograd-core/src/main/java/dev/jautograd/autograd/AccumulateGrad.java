package dev.jautograd.autograd;

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
        if (current == null) {
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
}

package dev.jautograd;

import dev.jautograd.autograd.AccumulateGrad;
import dev.jautograd.autograd.Node;

/**
 * A tensor's autograd state, PyTorch's AutogradMeta (with DifferentiableViewMeta's base and
 * version for a view). A tensor gets one only when it has some of this state: a plain result
 * made without grad, the common case in loops and optimizer steps, allocates none.
 */
final class AutogradMeta {
    /** A leaf's {@code requires_grad} flag (a non-leaf requires grad through its grad_fn). */
    boolean requiresGrad;
    Node gradFn;
    Tensor grad;
    AccumulateGrad gradAccumulator;
    boolean retainsGrad;
    boolean warnedNonLeafGrad;
    /** Set once by {@code nn.Parameter.of}: Java cannot subclass Tensor, so the flag plays torch's Parameter class. */
    boolean parameter;
    /** For a view, the tensor whose storage it shares (PyTorch's {@code _base}); else null. */
    final Tensor base;
    /** For a view: the version its grad_fn belongs to; an in-place write since regenerates it. */
    int viewVersion;

    AutogradMeta(Tensor base, int viewVersion) {
        this.base = base;
        this.viewVersion = viewVersion;
    }

    /** PyTorch's warning on reading {@code .grad} of a non-leaf that does not retain it, printed once. */
    void warnNonLeafGrad() {
        if (retainsGrad || warnedNonLeafGrad) return;
        warnedNonLeafGrad = true;
        System.err.println("UserWarning: The .grad attribute of a Tensor that is not a leaf Tensor is being "
                + "accessed. Its .grad attribute won't be populated during autograd.backward(). If you indeed "
                + "want the .grad field to be populated for a non-leaf Tensor, use .retain_grad() on the "
                + "non-leaf Tensor. If you access the non-leaf Tensor by mistake, make sure you access the leaf "
                + "Tensor instead.");
    }

    /** Makes a non-leaf keep its incoming gradient in {@code .grad}, through a pre-hook on its node. */
    void retainGrad(Node node) {
        if (retainsGrad) return;
        retainsGrad = true;
        node.registerPreHook(g -> {
            grad = grad == null ? g.detach().clone() : grad.add(g.detach());
            return g;
        });
    }

    AccumulateGrad gradAccumulator(Tensor leaf) {
        if (gradAccumulator == null) gradAccumulator = new AccumulateGrad(leaf);
        return gradAccumulator;
    }
}

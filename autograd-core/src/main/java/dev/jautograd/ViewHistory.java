package dev.jautograd;

import dev.jautograd.autograd.GradMode;
import dev.jautograd.autograd.InferenceMode;
import dev.jautograd.autograd.Node;
import dev.jautograd.ops.CopySlices;

/**
 * The autograd rules of an in-place write: which writes PyTorch refuses, and where the op's
 * node goes (PyTorch's rebase_history). On a tensor that is not a view it becomes the tensor's
 * grad_fn. On a view it goes inside a CopySlices node that becomes the
 * base's grad_fn; the view (and every other view of that base) then regenerates its own grad_fn
 * from the base, as AsStridedBackward0, because the write bumped the shared version.
 */
final class ViewHistory {
    private ViewHistory() {}

    /** PyTorch's refusals of an in-place write into a leaf that requires grad, or into a view of one. */
    static void checkInPlace(Tensor self) {
        if (!GradMode.isEnabled()) return;
        if (self.requiresGrad() && self.isLeaf()) {
            throw new IllegalStateException(self.isView()
                    ? "a view of a leaf Variable that requires grad is being used in an in-place operation."
                    : "a leaf Variable that requires grad is being used in an in-place operation.");
        }
        if (self.isView() && self.base().requiresGrad() && self.base().isLeaf()) {
            throw new IllegalStateException(
                    "a view of a leaf Variable that requires grad is being used in an in-place operation.");
        }
    }

    /** An inference tensor has no version counter (PyTorch): the write is done, then refused. */
    static void checkInferenceWrite(Tensor self) {
        if (self.storage().isInference() && !InferenceMode.isEnabled()) {
            throw new IllegalStateException("Inplace update to inference tensor outside InferenceMode is not allowed."
                    + "You can make a clone to get a normal tensor before doing inplace update."
                    + "See https://github.com/pytorch/rfcs/pull/17 for more details.");
        }
    }

    static void rebase(Tensor self, Node fn) {
        if (!self.isView()) {
            self.setGradFn(fn);
            return;
        }
        Tensor base = self.base();
        base.setGradFn(CopySlices.of(base, self, fn));
    }
}

package dev.jautograd;

import dev.jautograd.autograd.Node;
import dev.jautograd.ops.CopySlices;

/**
 * Where an in-place op's node goes (PyTorch's rebase_history). On a tensor that is not a view it
 * becomes the tensor's grad_fn. On a view it goes inside a CopySlices node that becomes the
 * base's grad_fn; the view (and every other view of that base) then regenerates its own grad_fn
 * from the base, as AsStridedBackward0, because the write bumped the shared version.
 */
final class ViewHistory {
    private ViewHistory() {}

    static void rebase(Tensor self, Node fn) {
        if (!self.isView()) {
            self.setGradFn(fn);
            return;
        }
        Tensor base = self.base();
        base.setGradFn(CopySlices.of(base, self, fn));
    }
}

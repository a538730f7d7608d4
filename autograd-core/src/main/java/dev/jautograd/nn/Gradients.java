package dev.jautograd.nn;

import dev.jautograd.Tensor;
import java.util.List;

/** The one {@code zero_grad} both {@code Module} and the optimizers call. */
public final class Gradients {
    private Gradients() {}

    /**
     * PyTorch 1.13's loop: with setToNone the gradient is dropped; otherwise a gradient with
     * history is detached (one without keeps it but stops requiring grad) and zeroed in place.
     */
    public static void zero(List<Tensor> params, boolean setToNone) {
        for (Tensor p : params) {
            Tensor grad = p.grad();
            if (grad == null) continue;
            if (setToNone) {
                p.setGrad(null);
                continue;
            }
            if (grad.gradFn() != null) grad.detach_();
            else grad.requiresGrad_(false);
            grad.zero_();
        }
    }
}

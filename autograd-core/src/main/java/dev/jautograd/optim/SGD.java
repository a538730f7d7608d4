package dev.jautograd.optim;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.GradMode;
import java.util.List;

/** {@code torch.optim.SGD(params, lr)} without momentum: p -= lr * p.grad, in place, without grad. */
public final class SGD {
    private final List<Tensor> params;
    private final double lr;

    public SGD(List<Tensor> params, double lr) {
        if (lr < 0) throw new IllegalArgumentException("Invalid learning rate: " + lr);
        this.params = List.copyOf(params);
        this.lr = lr;
    }

    public void step() {
        try (var noGrad = GradMode.disabled()) {
            for (Tensor p : params) {
                if (p.grad() != null) p.sub_(p.grad().mul(lr));
            }
        }
    }

    /** As PyTorch 1.13's default {@code zero_grad()}: zero the gradients in place (set_to_none=False). */
    public void zeroGrad() {
        for (Tensor p : params) {
            if (p.grad() != null) p.grad().zero_();
        }
    }
}

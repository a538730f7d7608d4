package dev.jautograd.optim;

import dev.jautograd.Tensor;
import java.util.List;

/** {@code torch.optim.Adam(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, amsgrad=False)}. */
public final class Adam extends AdamUpdate {
    public Adam(List<Tensor> params) {
        this(params, 1e-3);
    }

    public Adam(List<Tensor> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8, 0, false);
    }

    public Adam(List<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay,
                boolean amsgrad) {
        super(params, lr, beta1, beta2, eps, weightDecay, amsgrad, false);
    }
}

package dev.jautograd.optim;

import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import dev.jautograd.nn.PyRepr;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The update shared by {@link Adam} and {@link AdamW}, op for op as 1.13's
 * {@code _single_tensor_adam}/{@code _single_tensor_adamw}: the weight decay (added to the
 * gradient for Adam, decoupled p·(1 - lr·wd) for AdamW), then m = m·β1 + (1-β1)·g,
 * v = v·β2 + (1-β2)·g·g, and p += -lr/(1-β1^t) · m / (√v / √(1-β2^t) + eps), bias corrections in
 * double as Python computes them.
 */
abstract class AdamUpdate extends Optimizer {
    private final double lr, beta1, beta2, eps, weightDecay;
    private final boolean amsgrad, decoupled;

    AdamUpdate(List<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay,
               boolean amsgrad, boolean decoupled) {
        super(params);
        check(0 <= lr, "learning rate", lr);
        check(0 <= eps, "epsilon value", eps);
        check(0 <= beta1 && beta1 < 1, "beta parameter at index 0", beta1);
        check(0 <= beta2 && beta2 < 1, "beta parameter at index 1", beta2);
        check(0 <= weightDecay, "weight_decay value", weightDecay);
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.amsgrad = amsgrad;
        this.decoupled = decoupled;
    }

    @Override
    protected Map<String, String> settings() {
        Map<String, String> out = new HashMap<>(Map.of("amsgrad", PyRepr.bool(amsgrad), "betas",
                "(" + number(beta1) + ", " + number(beta2) + ")", "capturable", "False", "eps", number(eps),
                "foreach", "None", "lr", number(lr), "maximize", "False", "weight_decay", number(weightDecay)));
        if (!decoupled) {
            // 1.13's Adam has these two settings more than its AdamW.
            out.put("differentiable", "False");
            out.put("fused", "False");
        }
        return out;
    }

    private static final class State {
        double step;
        Tensor expAvg, expAvgSq, maxExpAvgSq;
    }

    @Override
    protected void update(Tensor param, Tensor grad) {
        State s = state(param, State::new);
        if (s.expAvg == null) {
            s.expAvg = Torch.zerosLike(param);
            s.expAvgSq = Torch.zerosLike(param);
            if (amsgrad) s.maxExpAvgSq = Torch.zerosLike(param);
        }
        s.step += 1;
        if (decoupled) {
            param.mul_(1 - lr * weightDecay);
        } else if (weightDecay != 0) {
            grad = grad.add(param, weightDecay);
        }
        s.expAvg.mul_(beta1).add_(grad, 1 - beta1);
        s.expAvgSq.mul_(beta2);
        Pointwise.addcmul_(s.expAvgSq, grad, grad, 1 - beta2);
        double biasCorrection1 = 1 - Math.pow(beta1, s.step);
        double biasCorrection2 = 1 - Math.pow(beta2, s.step);
        double stepSize = lr / biasCorrection1;
        double biasCorrection2Sqrt = Math.sqrt(biasCorrection2);
        Tensor second = s.expAvgSq;
        if (amsgrad) {
            Pointwise.maximum_(s.maxExpAvgSq, s.expAvgSq);
            second = s.maxExpAvgSq;
        }
        Tensor denom = second.sqrt().div(biasCorrection2Sqrt).add_(eps);
        Pointwise.addcdiv_(param, s.expAvg, denom, -stepSize);
    }

    /** PyTorch's {@code state[p]['step']}, 0 before the first step. */
    public double stepCount(Tensor param) {
        return state(param, State::new).step;
    }
}

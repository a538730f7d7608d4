package dev.jautograd.optim;

import dev.jautograd.Tensor;
import dev.jautograd.nn.PyRepr;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.SGD(params, lr, momentum=0, dampening=0, weight_decay=0, nesterov=False)},
 * the update of 1.13's {@code _single_tensor_sgd}, op for op: d = grad (+ wd·p); with momentum
 * buf = clone(d) on the first step, else buf·m + (1 - dampening)·d; d = buf, or d + m·buf with
 * nesterov; p -= lr·d (each {@code add(x, alpha)} one fused multiply-add, as ATen's loop).
 */
public final class SGD extends Optimizer {
    private final double lr, momentum, dampening, weightDecay;
    private final boolean nesterov;

    public SGD(List<Tensor> params, double lr) {
        this(params, lr, 0);
    }

    public SGD(List<Tensor> params, double lr, double momentum) {
        this(params, lr, momentum, 0, 0, false);
    }

    public SGD(List<Tensor> params, double lr, double momentum, double dampening, double weightDecay,
               boolean nesterov) {
        super(params);
        check(lr >= 0, "learning rate", lr);
        check(momentum >= 0, "momentum value", momentum);
        check(weightDecay >= 0, "weight_decay value", weightDecay);
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw new IllegalArgumentException("Nesterov momentum requires a momentum and zero dampening");
        }
        this.lr = lr;
        this.momentum = momentum;
        this.dampening = dampening;
        this.weightDecay = weightDecay;
        this.nesterov = nesterov;
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("dampening", number(dampening), "differentiable", "False", "foreach", "None", "lr", number(lr),
                "maximize", "False", "momentum", number(momentum), "nesterov", PyRepr.bool(nesterov),
                "weight_decay", number(weightDecay));
    }

    private static final class State {
        Tensor momentumBuffer;
    }

    @Override
    protected void update(Tensor param, Tensor grad) {
        Tensor d = weightDecay != 0 ? grad.add(param, weightDecay) : grad;
        if (momentum != 0) {
            State s = state(param, State::new);
            if (s.momentumBuffer == null) {
                s.momentumBuffer = d.clone().detach();
            } else {
                s.momentumBuffer.mul_(momentum).add_(d, 1 - dampening);
            }
            d = nesterov ? d.add(s.momentumBuffer, momentum) : s.momentumBuffer;
        }
        param.add_(d, -lr);
    }

    /** The momentum buffer of a parameter (PyTorch's {@code state[p]['momentum_buffer']}), or null. */
    public Tensor momentumBuffer(Tensor param) {
        State s = state(param, State::new);
        return s.momentumBuffer;
    }
}

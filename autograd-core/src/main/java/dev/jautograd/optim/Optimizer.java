package dev.jautograd.optim;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.GradMode;
import dev.jautograd.nn.Gradients;
import dev.jautograd.nn.PyRepr;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code torch.optim.Optimizer} with one parameter group: the parameters, per-parameter state,
 * {@code zero_grad} and a {@code step} that updates every parameter with a gradient, in order,
 * without recording, as PyTorch 1.13's single-tensor (foreach=False, its CPU default) loops do.
 */
public abstract class Optimizer {
    private final List<Tensor> params;
    private final Map<Tensor, Object> state = new IdentityHashMap<>();

    protected Optimizer(List<Tensor> params) {
        if (params.isEmpty()) throw new IllegalArgumentException("optimizer got an empty parameter list");
        for (Tensor p : params) {
            if (!p.isLeaf()) throw new IllegalArgumentException("can't optimize a non-leaf Tensor");
        }
        this.params = List.copyOf(params);
    }

    /** One update of every parameter that has a gradient. */
    public final void step() {
        try (var noGrad = GradMode.disabled()) {
            for (Tensor p : params) {
                if (p.grad() != null) update(p, p.grad());
            }
        }
    }

    /** The update of one parameter given its gradient (grad mode is off). */
    protected abstract void update(Tensor param, Tensor grad);

    /** This parameter's state, created on its first step. */
    @SuppressWarnings("unchecked")
    protected final <S> S state(Tensor param, Supplier<S> initial) {
        return (S) state.computeIfAbsent(param, p -> initial.get());
    }

    public final List<Tensor> parameters() {
        return params;
    }

    /** As PyTorch 1.13's default {@code zero_grad()}: the gradients zeroed in place (set_to_none=False). */
    public final void zeroGrad() {
        zeroGrad(false);
    }

    /** As {@code zero_grad(set_to_none)}: with true the gradients become null. */
    public final void zeroGrad(boolean setToNone) {
        Gradients.zero(params, setToNone);
    }

    /**
     * The parameter group's settings as {@code print(optimizer)} lists them (values as Python
     * prints them); {@code toString} sorts them by name as PyTorch does.
     */
    protected abstract Map<String, String> settings();

    /** Exactly {@code print(optimizer)} of PyTorch 1.13 (one parameter group). */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(getClass().getSimpleName()).append(" (\nParameter Group 0\n");
        new java.util.TreeMap<>(settings()).forEach((k, v) -> out.append("    ").append(k).append(": ").append(v).append('\n'));
        return out.append(')').toString();
    }

    /** A hyperparameter as Python shows it: PyTorch's integer default 0 as {@code 0}, others as floats. */
    static String number(double value) {
        return value == 0 ? "0" : PyRepr.number(value);
    }

    static void check(boolean valid, String what, double value) {
        if (!valid) throw new IllegalArgumentException("Invalid " + what + ": " + PyRepr.number(value));
    }
}

package dev.jautograd.ops;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;
import dev.jautograd.loops.Elementwise;
import java.util.ArrayList;
import java.util.List;

/**
 * Clamp into [min, max] (either bound may be absent). The gradient passes where the input lies
 * within the bounds, inclusive, as PyTorch's clamp_backward.
 */
public final class Clamp extends Node {
    private final SavedTensor input;
    private final Double min;
    private final Double max;

    private Clamp(String name, Tensor input, Double min, Double max) {
        super(name, input);
        this.input = save(input);
        this.min = min;
        this.max = max;
    }

    /** {@code clamp(min, max)} with nullable bounds (ClampBackward1). */
    public static Tensor apply(Tensor input, Double min, Double max) {
        return apply("ClampBackward1", input, min, max);
    }

    /** {@code clamp_min(min)} (ClampMinBackward0). */
    public static Tensor applyMin(Tensor input, double min) {
        return apply("ClampMinBackward0", input, min, null);
    }

    /** {@code clamp_max(max)} (ClampMaxBackward0). */
    public static Tensor applyMax(Tensor input, double max) {
        return apply("ClampMaxBackward0", input, null, max);
    }

    private static Tensor apply(String name, Tensor input, Double min, Double max) {
        if (min == null && max == null) {
            throw new IllegalArgumentException("torch.clamp: At least one of 'min' or 'max' must not be None");
        }
        double lo = min == null ? Double.NEGATIVE_INFINITY : min, hi = max == null ? Double.POSITIVE_INFINITY : max;
        // NaN stays NaN; a lower bound above the upper one yields the upper, as std::min(std::max(x, lo), hi).
        Tensor out = Elementwise.map(input, input.dtype(), x -> Double.isNaN(x) ? x : Math.min(Math.max(x, lo), hi));
        return Graph.records(input) ? Graph.attach(out, new Clamp(name, input, min, max)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        Tensor x = input.get();
        Tensor mask = null;
        if (min != null) mask = x.ge(min);
        if (max != null) mask = mask == null ? x.le(max) : mask.logicalAnd(x.le(max));
        // where(mask, grad, 0) as PyTorch: grad·mask would turn an inf gradient into NaN and a negative one into -0.
        return new Tensor[] {Where.apply(mask, grad, Graph.scalar(0, grad))};
    }

    @Override
    public List<String> attributes() {
        var out = new ArrayList<String>();
        if (min != null) out.add("min=" + min);
        if (max != null) out.add("max=" + max);
        return out;
    }

    @Override
    public String derivativeFormula(int input) {
        String lower = min == null ? "" : Formulas.number(min) + " ≤ ", upper = max == null ? "" : " ≤ " + Formulas.number(max);
        return "grad · (" + lower + "self" + upper + ")";
    }
}

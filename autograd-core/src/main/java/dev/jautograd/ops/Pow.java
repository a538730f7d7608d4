package dev.jautograd.ops;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;
import dev.jautograd.loops.Elementwise;
import java.util.List;

/** {@code a ** exponent} with a number exponent (PowBackward0). */
public final class Pow extends Node {
    private final SavedTensor input;
    private final double exponent;

    private Pow(Tensor input, double exponent) {
        super("PowBackward0", input);
        this.input = save(input);
        this.exponent = exponent;
    }

    public static Tensor apply(Tensor input, double exponent) {
        boolean integralExponent = exponent == Math.rint(exponent);
        if (!input.dtype().isFloatingPoint() && integralExponent && exponent < 0) {
            throw new IllegalArgumentException("Integers to negative integer powers are not allowed.");
        }
        var dtype = Graph.promote(input, Graph.scalar(exponent, input));
        Tensor out = Elementwise.map(input, dtype, x -> Math.pow(x, exponent));
        return Graph.records(input) ? Graph.attach(out, new Pow(input, exponent)) : out;
    }

    // d xⁿ = n xⁿ⁻¹; PyTorch returns zeros for n = 0 so that 0⁻¹ cannot make a NaN.
    @Override
    protected Tensor[] backward(Tensor grad) {
        if (exponent == 0) return new Tensor[] {grad.mul(0)};
        return new Tensor[] {grad.mul(input.get().pow(exponent - 1).mul(exponent))};
    }

    @Override
    public List<String> attributes() {
        return List.of("exponent=" + TensorPow.formatNumber(exponent));
    }

    @Override
    public String derivativeFormula(int input) {
        return Formulas.power(exponent);
    }
}

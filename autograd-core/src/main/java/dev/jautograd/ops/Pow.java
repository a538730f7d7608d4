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

    /** {@code grad · 3·self²}: k·self^(k−1) with k written in, as the picture of backward shows it. */
    @Override
    public String derivativeFormula(int input) {
        if (exponent == 0) return "grad · 0";
        if (exponent == 1) return "grad";
        String k = TensorPow.formatNumber(exponent);
        return "grad · " + k + "·self" + power(exponent - 1);
    }

    private static String power(double e) {
        if (e == 1) return "";
        String digits = TensorPow.formatNumber(e);
        if (e != Math.rint(e)) return "^(" + digits + ")";
        var superscript = new StringBuilder();
        for (char c : digits.toCharArray()) superscript.append(c == '-' ? '⁻' : "⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(c - '0'));
        return superscript.toString();
    }
}

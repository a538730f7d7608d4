package dev.jautograd.ops;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;
import dev.jautograd.loops.Elementwise;

/**
 * {@code a ** b} with a tensor exponent (PowBackward1); a number base arrives as a wrapped
 * 0-dim tensor, named PowBackward2 when it comes through {@code torch.pow(number, tensor)}.
 */
public final class TensorPow extends Node {
    private final SavedTensor base;
    private final SavedTensor exponent;
    private final SavedTensor result;

    private TensorPow(String name, Tensor base, Tensor exponent, Tensor result) {
        super(name, base, exponent);
        this.base = save(base);
        this.exponent = save(exponent);
        this.result = needsInputGrad(1) ? saveOutput(result) : null;
    }

    public static Tensor apply(Tensor base, Tensor exponent) {
        return apply("PowBackward1", base, exponent);
    }

    /** {@code torch.pow(number, tensor)}: PyTorch's pow.Scalar overload, PowBackward2. */
    public static Tensor applyScalarBase(double base, Tensor exponent) {
        return apply("PowBackward2", Graph.scalar(base, exponent), exponent);
    }

    private static Tensor apply(String name, Tensor base, Tensor exponent) {
        var dtype = Graph.promote(base, exponent);
        Tensor out = Elementwise.zip(base, exponent, dtype, Math::pow);
        return Graph.records(base, exponent) ? Graph.attach(out, new TensorPow(name, base, exponent, out)) : out;
    }

    // d(aᵇ)/da = b·aᵇ⁻¹ (0 where b = 0); d(aᵇ)/db = aᵇ·ln a, taken as 0 where a = 0 and b ≥ 0
    // (PyTorch's pow_backward_exponent), since the limit there is 0, not NaN.
    @Override
    protected Tensor[] backward(Tensor grad) {
        Tensor a = base.get(), b = exponent.get();
        Tensor gradBase = null, gradExponent = null;
        Tensor zero = Graph.scalar(0, grad);
        if (needsInputGrad(0)) {
            Tensor slope = b.mul(a.pow(b.sub(Graph.scalar(1, b))));
            gradBase = Where.apply(b.eq(0), zero, grad.mul(slope));
        }
        if (needsInputGrad(1)) {
            Tensor limitIsZero = a.eq(0).logicalAnd(b.ge(0));
            gradExponent = Where.apply(limitIsZero, zero, grad.mul(result.get().mul(a.log())));
        }
        return new Tensor[] {gradBase, gradExponent};
    }

    static String formatNumber(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    @Override
    public String derivativeFormula(int input) {
        return input == 0 ? "grad · exponent·self^(exponent − 1)" : "grad · result · ln(self)";
    }
}

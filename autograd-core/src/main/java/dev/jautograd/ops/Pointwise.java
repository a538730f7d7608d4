package dev.jautograd.ops;

import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.loops.Derivative;
import dev.jautograd.loops.FloatFunction;

/**
 * The elementwise functions of one tensor, one declaration each: node name, forward loop,
 * derivative (as PyTorch's {@code derivatives.yaml} writes it, and as tensor ops). Adding one is
 * a declaration here and a one-line method on {@code Tensor} (README, "Adding an op").
 *
 * <p>Formulas use {@code ·} for a product, {@code -} for negation and {@code −} for subtraction.
 */
public final class Pointwise {
    private Pointwise() {}

    /** e^x; the gradient reuses the result, as PyTorch's formula does. */
    public static final UnaryOp EXP = UnaryOp.floating("ExpBackward0", FloatFunction.EXP)
            .result("grad · result", (grad, result) -> grad.mul(result));

    /** e^x − 1, exact for small x where exp(x) − 1 cancels. */
    public static final UnaryOp EXPM1 = UnaryOp.floating("Expm1Backward0", Math::expm1)
            .result("grad · (result + 1)", (grad, result) -> grad.mul(result.add(1)));

    /** Natural logarithm. */
    public static final UnaryOp LOG = UnaryOp.floating("LogBackward0", FloatFunction.LOG)
            .self("grad / self", (grad, self) -> grad.div(self));

    /** ln(1 + x), exact for small x where log(1 + x) rounds 1 + x away. */
    public static final UnaryOp LOG1P = UnaryOp.floating("Log1PBackward0", Math::log1p)
            .self("grad / (1 + self)", (grad, self) -> grad.div(self.add(1)));

    /** Square root; d√x = 1 / (2√x), from the saved result. */
    public static final UnaryOp SQRT = UnaryOp.floating("SqrtBackward0", FloatFunction.SQRT)
            .result("grad / (2·result)", (grad, result) -> grad.div(result.mul(2)));

    /** 1 / x (integers give the default float dtype); d(1/x) = -1/x², written as -result². */
    public static final UnaryOp RECIPROCAL = UnaryOp.floating("ReciprocalBackward0", x -> 1 / x)
            .result("-grad · result²", (grad, result) -> grad.mul(result.mul(result).neg()));

    public static final UnaryOp SIN = UnaryOp.floating("SinBackward0", Math::sin)
            .self("grad · cos(self)", (grad, self) -> grad.mul(self.cos()));

    public static final UnaryOp COS = UnaryOp.floating("CosBackward0", Math::cos)
            .self("grad · -sin(self)", (grad, self) -> grad.mul(self.sin().neg()));

    /**
     * Hyperbolic tangent; d tanh = 1 - tanh². The gradient is ATen's tanh_backward, grad · (1 - y²),
     * whose CPU kernel GCC compiles with 1 - y² as one fused multiply-add (rounded once), in the
     * vector loop and the scalar tail alike, for float32 and float64: so the fast path computes it so.
     */
    public static final UnaryOp TANH = UnaryOp.floating("TanhBackward0", FloatFunction.TANH)
            .result("grad · (1 − result²)", (grad, result) -> grad.mul(result.mul(result).rsub(1)))
            .fast(type -> type == DType.FLOAT32 ? Derivative.TANH : (g, y) -> g * Math.fma(-y, y, 1.0));

    /** Logistic sigmoid; dσ = σ(1 - σ), as ATen's sigmoid_backward: grad · (1 - σ) · σ in that order. */
    public static final UnaryOp SIGMOID = UnaryOp.floating("SigmoidBackward0", FloatFunction.SIGMOID)
            .result("grad · (1 − result) · result", (grad, result) -> grad.mul(result.rsub(1)).mul(result));

    /** -x; for bool tensors refused in {@link #neg}. */
    public static final UnaryOp NEG = UnaryOp.sameType("NegBackward0", FloatFunction.NEG)
            .grad("-grad", Tensor::neg);

    /** |x|; the gradient is sign(x), 0 at 0 as in PyTorch. */
    public static final UnaryOp ABS = UnaryOp.sameType("AbsBackward0", Math::abs)
            .self("grad · sign(self)", (grad, self) -> grad.mul(self.sign()));

    /** -1, 0 or 1 by sign; piecewise constant, so its gradient is zero. */
    public static final UnaryOp SIGN = UnaryOp.sameType("SignBackward0", Math::signum)
            .grad("0", grad -> grad.mul(0));

    /**
     * max(x, 0); the gradient passes where the result is positive, else +0 (PyTorch's
     * threshold_backward). Select, not multiply: an inf or NaN gradient where the input was
     * clamped must give +0.
     */
    public static final UnaryOp RELU = UnaryOp.sameType("ReluBackward0", FloatFunction.RELU)
            .result("grad · (result > 0)", (grad, result) -> Where.apply(result.gt(0), grad, Graph.scalar(0, grad)))
            .fast(type -> Derivative.RELU);

    /** {@link #NEG}, with PyTorch's refusal for bool tensors. */
    public static Tensor neg(Tensor input) {
        if (input.dtype() == DType.BOOL) {
            throw new IllegalArgumentException("Negation, the `-` operator, on a bool tensor is not supported. If you "
                    + "are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
        }
        return NEG.apply(input);
    }
}

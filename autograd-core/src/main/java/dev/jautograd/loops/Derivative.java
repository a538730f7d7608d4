package dev.jautograd.loops;

import java.util.function.DoubleBinaryOperator;

/**
 * Elementwise gradient formulas of PyTorch's own backward kernels, f(grad, saved), named so the
 * dense float32 loop gets a loop of its own per formula (see {@link Arith}: a lambda shared by
 * several ops is a megamorphic call the JIT cannot inline). As a {@link DoubleBinaryOperator}
 * it is the plain path's definition, in double and rounded once, which the float loops equal.
 */
public enum Derivative implements DoubleBinaryOperator {
    /**
     * ATen's threshold_backward for relu: grad where the result is positive, else +0, selected
     * rather than multiplied (an inf or NaN grad where the input was clamped gives +0). One pass
     * instead of a bool mask (result > 0) and a where over it.
     */
    RELU { @Override public double applyAsDouble(double g, double y) { return y > 0 ? g : 0; } },
    /**
     * ATen's tanh_backward, grad · (1 - y²), whose CPU kernel GCC compiles with 1 - y² as one
     * fused multiply-add; in float, products and sums of floats rounded as float.
     */
    TANH { @Override public double applyAsDouble(double g, double y) { return (float) g * Math.fma(-(float) y, (float) y, 1f); } };

    /** r[or+i] = f(g[og+i], y[oy+i]) for i in [0, len). */
    void dense(float[] g, int og, float[] y, int oy, float[] r, int or, int len) {
        if (og == or && oy == or) {
            aligned(g, y, r, or, or + len);
            return;
        }
        switch (this) {
            case RELU -> { for (int i = 0; i < len; i++) r[or + i] = positiveOrZero(g[og + i], y[oy + i]); }
            case TANH -> {
                for (int i = 0; i < len; i++) r[or + i] = g[og + i] * Math.fma(-y[oy + i], y[oy + i], 1f);
            }
        }
    }

    /** {@link #dense} when its three offsets are equal: the one loop form C2 vectorises (see {@link Arith#aligned}). */
    private void aligned(float[] g, float[] y, float[] r, int from, int to) {
        switch (this) {
            case RELU -> { for (int i = from; i < to; i++) r[i] = positiveOrZero(g[i], y[i]); }
            case TANH -> { for (int i = from; i < to; i++) r[i] = g[i] * Math.fma(-y[i], y[i], 1f); }
        }
    }

    /**
     * {@code y > 0 ? g : +0} without a branch: a ReLU layer's signs are random, so the branch
     * mispredicts half the time (7× slower on 32768 floats, measured). y > 0 exactly when its bits
     * lie in [1, 0x7f800000] (+subnormal to +inf; not ±0, negatives or NaN): t = bits - 1 is then
     * in [0, 0x7f800000), so ~t and t - 0x7f800000 are both negative, and their sign spreads into
     * a mask that keeps g's bits whole (NaN payload too) or gives +0.
     */
    private static float positiveOrZero(float g, float y) {
        int t = Float.floatToRawIntBits(y) - 1;
        int keep = (~t & (t - 0x7f800000)) >> 31;
        return Float.intBitsToFloat(Float.floatToRawIntBits(g) & keep);
    }
}

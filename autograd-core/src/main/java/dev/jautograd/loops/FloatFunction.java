package dev.jautograd.loops;

import java.util.function.DoubleUnaryOperator;

/**
 * Unary float functions with their own dense float32 loops (see {@link Arith} for why). Each
 * loop evaluates exactly the plain path's double expression and rounds once, so both paths give
 * identical floats; only the dispatch differs.
 */
public enum FloatFunction implements DoubleUnaryOperator {
    EXP { @Override public double applyAsDouble(double x) { return Math.exp(x); } },
    LOG { @Override public double applyAsDouble(double x) { return Math.log(x); } },
    TANH { @Override public double applyAsDouble(double x) { return Math.tanh(x); } },
    SQRT { @Override public double applyAsDouble(double x) { return Math.sqrt(x); } },
    SIGMOID { @Override public double applyAsDouble(double x) { return 1 / (1 + Math.exp(-x)); } },
    NEG { @Override public double applyAsDouble(double x) { return -x; } },
    // NaN passes through, as torch.relu keeps NaN.
    RELU { @Override public double applyAsDouble(double x) { return x > 0 ? x : (Double.isNaN(x) ? x : 0); } };

    /** Relative cost per element against a float add, to decide when threads pay off. */
    int cost() {
        return switch (this) {
            case NEG, RELU -> 1;
            default -> 16;
        };
    }

    /** r[or+i] = f(x[ox+i]) for i in [0, len). */
    void dense(float[] x, int ox, float[] r, int or, int len) {
        if (Vectorized.dense(this, x, ox, r, or, len)) return;
        switch (this) {
            case EXP -> { for (int i = 0; i < len; i++) r[or + i] = (float) Math.exp(x[ox + i]); }
            case LOG -> { for (int i = 0; i < len; i++) r[or + i] = (float) Math.log(x[ox + i]); }
            case TANH -> { for (int i = 0; i < len; i++) r[or + i] = (float) Math.tanh(x[ox + i]); }
            case SQRT -> { for (int i = 0; i < len; i++) r[or + i] = (float) Math.sqrt(x[ox + i]); }
            case SIGMOID -> { for (int i = 0; i < len; i++) r[or + i] = (float) (1 / (1 + Math.exp(-(double) x[ox + i]))); }
            case NEG -> { for (int i = 0; i < len; i++) r[or + i] = -x[ox + i]; }
            case RELU -> {
                for (int i = 0; i < len; i++) {
                    float v = x[ox + i];
                    r[or + i] = v > 0 || v != v ? v : 0f;
                }
            }
        }
    }
}

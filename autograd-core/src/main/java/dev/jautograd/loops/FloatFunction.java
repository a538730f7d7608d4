package dev.jautograd.loops;

import java.util.function.DoubleUnaryOperator;

/**
 * Unary float functions with their own dense float32 loops (see {@link Arith} for why). Each
 * loop evaluates exactly the plain path's double expression and rounds once, so both paths give
 * identical floats; only the dispatch differs. Except exp, log, tanh and sigmoid on float32,
 * whose last bit PyTorch's CPU build decides with Sleef ({@link #pytorchFloat}): both paths
 * run that.
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

    /**
     * Relative cost per element against a float add, to decide when threads pay off. Scalar, the
     * Sleef functions take ~20 ns an element; once their SIMD form runs ({@link Vectorized#hot})
     * tanh takes ~2 ns and exp or sigmoid ~1, and handing a few thousand of them to a second
     * thread cost more than it saved: tanh of 200×16 floats 14 µs split against 7 µs on one
     * thread, break-even near 16,384 elements (measured, hot, 2 cores).
     */
    int cost() {
        return cost(sleef() && Vectorized.hot(this));
    }

    /** {@link #cost()} with the SIMD form running or not. */
    int cost(boolean simd) {
        return switch (this) {
            case NEG, RELU -> 1;
            case EXP, SIGMOID -> simd ? 1 : 16;
            case TANH -> simd ? 2 : 16;
            default -> 16;
        };
    }

    /** Whether float32 takes {@link #pytorchFloat} rather than the double expression rounded once. */
    boolean sleef() {
        return this == EXP || this == LOG || this == TANH || this == SIGMOID;
    }

    /** Elements [from, to) of a contiguous float32 tensor of n elements, r[or+i] = f(x[ox+i]), as PyTorch. */
    void pytorchFloats(float[] x, int ox, float[] r, int or, int from, int to, int n) {
        int tail = n - n % TAIL_BLOCK, vectorEnd = Math.max(from, Math.min(to, tail));
        int i = Vectorized.pytorchFloats(this, x, ox + from, r, or + from, vectorEnd - from) ? vectorEnd : from;
        for (; i < to; i++) r[or + i] = pytorchFloat(x[ox + i], i < tail);
    }

    /** Elements of a scalar loop's tail: cpu_kernel_vec's vector loop takes 2 vectors of 8 at a time. */
    static final int TAIL_BLOCK = 16;

    /**
     * PyTorch 1.13's float32 value: exp, log and tanh through vml, which runs Sleef's
     * {@code expf/logf/tanhf_u10} on every element (a partial last vector too); sigmoid as
     * 1 / (1 + e^-x) in float, Sleef's exp in the vector loop and the C library's expf in the
     * scalar tail ({@code vectorLane} false).
     */
    float pytorchFloat(float x, boolean vectorLane) {
        return switch (this) {
            case EXP -> SleefExp.exp(x);
            case LOG -> SleefFloat.log(x);
            case TANH -> SleefFloat.tanh(x);
            case SIGMOID -> 1f / (1f + (vectorLane ? SleefExp.exp(-x) : GlibcExp.exp(-x)));
            default -> (float) applyAsDouble(x);
        };
    }

    /** r[or+i] = f(x[ox+i]) for i in [0, len), a chunk of a tensor the double expression rounds (not {@link #sleef}). */
    void dense(float[] x, int ox, float[] r, int or, int len) {
        if (ox == or) {
            aligned(x, r, or, or + len);
            return;
        }
        switch (this) {
            case EXP, LOG, TANH, SIGMOID -> throw new IllegalStateException(this + " takes pytorchFloats");
            case SQRT -> { for (int i = 0; i < len; i++) r[or + i] = (float) Math.sqrt(x[ox + i]); }
            case NEG -> { for (int i = 0; i < len; i++) r[or + i] = -x[ox + i]; }
            // Math.max is the same function (NaN kept, -0 to +0) without a branch, so C2 vectorises
            // it: a branch on random signs mispredicted half the time (4-10x slower, measured).
            case RELU -> { for (int i = 0; i < len; i++) r[or + i] = Math.max(x[ox + i], 0f); }
        }
    }

    /** {@link #dense} when both offsets are equal: the one loop form C2 vectorises (see {@link Arith#aligned}). */
    private void aligned(float[] x, float[] r, int from, int to) {
        switch (this) {
            case EXP, LOG, TANH, SIGMOID -> throw new IllegalStateException(this + " takes pytorchFloats");
            case SQRT -> { for (int i = from; i < to; i++) r[i] = (float) Math.sqrt(x[i]); }
            case NEG -> { for (int i = from; i < to; i++) r[i] = -x[i]; }
            case RELU -> { for (int i = from; i < to; i++) r[i] = Math.max(x[i], 0f); }
        }
    }
}

package dev.jautograd.loops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The dense float loops of {@link Derivative} against their definitions, bit for bit, on every
 * pair of special floats: the branch-free ReLU mask must select exactly where y > 0.
 */
class DerivativeTest {
    private static final float[] SPECIALS = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL,
        1e-40f, -1e-40f, 1f, -1f, 0.5f, 3.5f, -2.25f, Float.MAX_VALUE, -Float.MAX_VALUE,
        Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, Float.intBitsToFloat(0xffc00001),
        Float.intBitsToFloat(0x7f800001), Float.intBitsToFloat(0x7fffffff), Float.intBitsToFloat(0x80000001)};

    @Test
    void reluGradientSelectsExactlyWhereTheResultIsPositive() {
        for (float y : SPECIALS) {
            float[] g = SPECIALS.clone(), ys = new float[g.length], r = new float[g.length];
            java.util.Arrays.fill(ys, y);
            Derivative.RELU.dense(g, 0, ys, 0, r, 0, g.length);
            for (int i = 0; i < g.length; i++) {
                float expected = y > 0 ? g[i] : 0f;
                assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(r[i]), "g=" + g[i] + " y=" + y);
            }
        }
    }

    @Test
    void tanhGradientIsItsDefinitionRoundedOnce() {
        for (float y : SPECIALS) {
            float[] g = SPECIALS.clone(), ys = new float[g.length], r = new float[g.length];
            java.util.Arrays.fill(ys, y);
            Derivative.TANH.dense(g, 0, ys, 0, r, 0, g.length);
            for (int i = 0; i < g.length; i++) {
                float expected = (float) Derivative.TANH.applyAsDouble(g[i], y);
                assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(r[i]), "g=" + g[i] + " y=" + y);
            }
        }
    }
}

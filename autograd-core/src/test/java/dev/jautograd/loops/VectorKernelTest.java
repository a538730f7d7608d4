package dev.jautograd.loops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SIMD kernels straight against their scalar twins, without waiting for a {@link HotPath}
 * gate: every length class a kernel splits on (whole vectors, a partial last vector, one and
 * several of VectorTanh's chunks of 512 and its pass boundaries), branch edges and specials
 * spread over the lanes. Both paths must give the same bits.
 */
class VectorKernelTest {
    /** Values near the branches: tanh's 8.664 clamp, exp's ±104/100 cut-offs, tiny, huge, NaN, ±inf, ±0. */
    private static final float[] EDGES = {0f, -0f, 1e-30f, -1e-8f, 0.5f, -0.5f, 1f, 2.5f, -4f, 8.6643f, 8.6644f,
        -8.6643f, 8.7f, 9f, -20f, 1e10f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0.34657359f,
        0.3465736f, 5.5f, 88.7f, -88.7f, 100.5f, -104.5f, 1e-45f, -3.4e38f};

    @BeforeEach
    void needsTheVectorApi() {
        Assumptions.assumeTrue(Vectorized.available() && Loops.fastPaths(), "no Vector API (or plain loops) here");
    }

    @ParameterizedTest(name = "{0} over {1} floats")
    @CsvSource({"TANH, 8", "TANH, 13", "TANH, 1000", "TANH, 4104", "TANH, 5000",
        "SIGMOID, 8", "SIGMOID, 1000", "SIGMOID, 4107", "EXP, 8", "EXP, 1000", "EXP, 4105"})
    void theVectorKernelGivesTheScalarBits(FloatFunction f, int n) {
        float[] x = inputs(n, f.ordinal() * 1000 + n), vector = new float[n], scalar = new float[n];
        Vectorized.floatChunk(f, x, 0, vector, 0, 0, n, true);
        Vectorized.floatChunk(f, x, 0, scalar, 0, 0, n, false);
        for (int i = 0; i < n; i++) {
            assertEquals(Float.floatToIntBits(scalar[i]), Float.floatToIntBits(vector[i]),
                    () -> f + " differs at x = " + x[firstDifference(scalar, vector)]);
        }
    }

    /** Offsets into both arrays, as a parallel chunk of a larger tensor passes them. */
    @ParameterizedTest(name = "{0} at offsets")
    @CsvSource({"TANH", "SIGMOID", "EXP"})
    void offsetsAreHonoured(FloatFunction f) {
        float[] x = inputs(1200, 7), vector = new float[1300], scalar = new float[1300];
        Vectorized.floatChunk(f, x, 37, vector, 50, 0, 1100, true);
        Vectorized.floatChunk(f, x, 37, scalar, 50, 0, 1100, false);
        for (int i = 0; i < vector.length; i++) {
            assertEquals(Float.floatToIntBits(scalar[i]), Float.floatToIntBits(vector[i]), f + " at " + i);
        }
    }

    /**
     * A sweep over the whole float range (every 251st bit pattern, in order, so neighbouring
     * lanes hold neighbouring values): most vectors lie wholly inside |x| < 87, where exp and
     * sigmoid scale by 2^q in one product, and some straddle 87, 104 or NaN, where they take
     * Sleef's two products and cut-offs. Every lane must carry the scalar bits. On JDK 25 with
     * AVX-512 exp runs 16 lanes ({@link VectorMath#SIXTEEN_LANES}), which these tests then cover.
     */
    @ParameterizedTest(name = "{0} over a sweep of all floats")
    @CsvSource({"EXP", "SIGMOID"})
    void aSweepOfAllFloatsGivesTheScalarBits(FloatFunction f) {
        int n = (int) ((1L << 32) / 251) / 8 * 8;
        float[] x = new float[n], vector = new float[n], scalar = new float[n];
        for (int i = 0; i < n; i++) x[i] = Float.intBitsToFloat((int) (i * 251L));
        Vectorized.floatChunk(f, x, 0, vector, 0, 0, n, true);
        Vectorized.floatChunk(f, x, 0, scalar, 0, 0, n, false);
        int at = firstDifference(scalar, vector);
        assertEquals(-1, at, () -> f + " differs at x = " + x[at]);
    }

    /** Vectors just inside and just outside the one-product branch (|x| < 87), alone and mixed. */
    @ParameterizedTest(name = "{0} at the branch edge")
    @CsvSource({"EXP", "SIGMOID"})
    void theBranchEdgeGivesTheScalarBits(FloatFunction f) {
        float[] edge = {86.99999f, -86.99999f, 87f, -87f, Math.nextUp(87f), -Math.nextUp(87f), 0f, -0f,
            86.5f, -86.5f, 60f, -60f, 1e-30f, -1e-30f, 3f, -3f};
        float[] x = new float[edge.length * 3], vector = new float[x.length], scalar = new float[x.length];
        for (int i = 0; i < x.length; i++) x[i] = edge[(i * 5) % edge.length] * (i < edge.length ? 1 : 0.999f);
        Vectorized.floatChunk(f, x, 0, vector, 0, 0, x.length, true);
        Vectorized.floatChunk(f, x, 0, scalar, 0, 0, x.length, false);
        int at = firstDifference(scalar, vector);
        assertEquals(-1, at, () -> f + " differs at x = " + x[at]);
    }

    private static float[] inputs(int n, long seed) {
        Random random = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 5 == 0 ? EDGES[(i / 5) % EDGES.length] : (float) (random.nextGaussian() * 6);
        }
        return x;
    }

    private static int firstDifference(float[] a, float[] b) {
        for (int i = 0; i < a.length; i++) if (Float.floatToIntBits(a[i]) != Float.floatToIntBits(b[i])) return i;
        return -1;
    }
}

package dev.jautograd.loops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SIMD sums ({@link VectorSum}) called directly, hot or cold, against the scalar cascade
 * they stand for ({@link CascadeKernels}), bit for bit, at sizes around every boundary of their
 * loops: vector lanes, cascade steps (16 rows), level-1 blocks (256), level-3 blocks split over
 * threads, a level power of 5 (more than 2^19 rows), and rows short enough for their own kernel
 * (fewer than 4096 steps of 32 floats) around their limit. Through tensors the gates would pick which
 * path runs; here both always do.
 */
class VectorSumTest {
    private static final int W = CascadeSum.LANES;

    @BeforeEach
    void needsVectorApi() {
        assumeTrue(Vectorized.available(), "no Vector API in this JVM");
    }

    @ParameterizedTest(name = "{0} vectors")
    @ValueSource(ints = {0, 1, 3, 4, 5, 63, 64, 65, 1023, 1024, 1025, 1250, 4 * 272 + 3, 4 * (3 * 256 + 5 * 16 + 7) + 2,
            4 * 4096 - 1, 4 * 4096, 4 * 4096 + 3, 4 * 4096 * 2, 4 * 4096 * 2 + 4 * 300 + 7, 4 * 4096 * 3 + 37,
            4 * ((1 << 19) + 1) + 3})
    void rowLanesMatchTheScalarCascade(int vecSize) {
        float[] x = randn(vecSize * W + 13, vecSize);
        for (int row : new int[] {0, 13}) {
            float[] expected = java.util.Arrays.copyOf(CascadeKernels.rowSum(x, row, W, vecSize, W), W); // lanes 8.. are scratch
            assertArrayEquals(bits(expected), bits(Vectorized.cascadeLanes(x, row, vecSize)), "from " + row);
        }
    }

    /** Short rows (their own kernel) and long ones with signed zeros, cancellations, huge, tiny and non-finite values. */
    @ParameterizedTest(name = "{0} vectors")
    @ValueSource(ints = {7, 1250, 4 * 4096 - 1, 4 * 4096 + 1})
    void rowLanesKeepTheCascadesRoundingAndSpecialValues(int vecSize) {
        Random random = new Random(vecSize);
        float[][] inputs = new float[4][vecSize * W + 5];
        for (int i = 0; i < vecSize * W + 5; i++) {
            inputs[0][i] = random.nextBoolean() ? -0f : 0f;
            inputs[1][i] = (float) (random.nextGaussian() * Math.exp(random.nextGaussian() * 20));
            inputs[2][i] = i % 2 == 0 ? 1e30f : -1e30f;
            inputs[3][i] = i == vecSize * 4 ? Float.NaN : i == 17 ? Float.POSITIVE_INFINITY : random.nextFloat();
        }
        for (float[] x : inputs) {
            float[] expected = java.util.Arrays.copyOf(CascadeKernels.rowSum(x, 5, W, vecSize, W), W);
            assertArrayEquals(bits(expected), bits(Vectorized.cascadeLanes(x, 5, vecSize)));
        }
    }

    @ParameterizedTest(name = "{0} rows")
    @ValueSource(ints = {1, 7, 15, 16, 17, 31, 255, 256, 257, 1000, 4096 + 33, (1 << 19) + 3})
    void columnBlocksMatchTheScalarCascade(int rows) {
        int block = Vectorized.columnBlock(), blocks = rows > 5000 ? 1 : 3;
        int cols = blocks * block + 5, rowStride = rows > 5000 ? block : cols + 2, base = rows > 5000 ? 0 : 3;
        float[] x = randn(base + rows * rowStride, rows);
        for (int outStride : new int[] {1, 3}) {
            float[] expected = randn(blocks * block * outStride, outStride), actual = expected.clone();
            for (int c = 0; c < blocks * block; c += 4 * W) {
                float[] sums = CascadeKernels.multiRowSum(x, base + c, rowStride, W, rows, 4, W);
                for (int k = 0; k < sums.length; k++) expected[(c + k) * outStride] += sums[k];
            }
            Vectorized.columnSums(x, base, rowStride, rows, 0, blocks, actual, 0, outStride);
            assertArrayEquals(bits(expected), bits(actual), "output stride " + outStride);
        }
    }

    private static float[] randn(int n, long seed) {
        Random random = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) random.nextGaussian();
        return x;
    }

    private static int[] bits(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) out[i] = Float.floatToRawIntBits(values[i]);
        return out;
    }
}

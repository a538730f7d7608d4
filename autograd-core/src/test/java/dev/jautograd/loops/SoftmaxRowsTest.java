package dev.jautograd.loops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.jautograd.Tensor;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.storage.FloatStorage;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SIMD rows of {@link VectorSoftmax}, called directly, against the scalar rows (the plain
 * path, which the goldens pin to PyTorch's bits): every row length from 8 (the shortest SIMD row)
 * past the 4-vector max and the 8-lane tails, rows with -inf, NaN, +inf and huge logits. A
 * {@link HotPath} gate may keep a test JVM on the scalar rows throughout, so the tensor-level
 * tests alone could miss a SIMD row that drifted by a bit.
 */
class SoftmaxRowsTest {
    private static final boolean FAST_PATHS = Loops.fastPaths();

    @BeforeEach
    void needsVectors() {
        Assumptions.assumeTrue(Vectorized.available(), "no Vector API in this JVM");
    }

    @AfterEach
    void restore() {
        Loops.setFastPaths(FAST_PATHS);
    }

    static IntStream lengths() {
        return IntStream.of(8, 9, 15, 16, 17, 31, 32, 33, 39, 40, 41, 63, 64, 100, 1000, 1003, 4099);
    }

    /** Three rows: scaled normals, then one with -inf, +inf-free specials, then one with NaN and +inf. */
    private static float[] rows(int n, long seed) {
        Random random = new Random(seed);
        float[] x = new float[3 * n];
        for (int i = 0; i < x.length; i++) x[i] = (float) (random.nextGaussian() * 6);
        x[n] = Float.NEGATIVE_INFINITY;
        x[n + n / 2] = 90f;
        x[2 * n - 1] = -120f;
        x[2 * n + n / 3] = Float.NaN;
        x[3 * n - 1] = Float.POSITIVE_INFINITY;
        return x;
    }

    /**
     * Rows whose x - max straddles ±87, the edge of the exp passes' one-product branch
     * (VectorMath.sleefExpNear): floats a few ulps either side of 87 below the max, down to
     * where exp underflows to subnormals and to 0, so vectors take either branch or mix.
     */
    private static float[] edgeRows(int n, long seed) {
        Random random = new Random(seed);
        float[] x = new float[3 * n];
        for (int row = 0; row < 3; row++) {
            float max = row == 0 ? 0f : row == 1 ? 10.5f : -3.25f;
            x[row * n] = max;
            for (int i = 1; i < n; i++) {
                float edge = max - 87f;
                x[row * n + i] = switch (random.nextInt(4)) {
                    case 0 -> edge + (random.nextInt(9) - 4) * Math.ulp(edge);
                    case 1 -> max - (float) (random.nextDouble() * 120);
                    case 2 -> max - (float) (random.nextDouble() * 86);
                    default -> edge - (float) (random.nextDouble() * 2);
                };
            }
        }
        return x;
    }

    private interface VectorRow {
        void run(float[] a, int aAt, float[] b, int bAt, float[] r, int rAt, int n);
    }

    private static Tensor tensor(float[] values, int n) {
        Tensor t = TensorInternals.empty(dev.jautograd.DType.FLOAT32, values.length / n, n);
        System.arraycopy(values, 0, ((FloatStorage) TensorInternals.storage(t)).array(), 0, values.length);
        return t;
    }

    private static void assertSameBits(Tensor plain, float[] a, float[] b, int n, VectorRow row) {
        float[] r = new float[a.length];
        for (int at = 0; at < a.length; at += n) row.run(a, at, b, at, r, at, n);
        float[] expected = ((FloatStorage) TensorInternals.storage(plain.contiguous())).array();
        assertArrayEquals(bits(expected), bits(r));
    }

    private static int[] bits(float[] v) {
        return IntStream.range(0, v.length).map(i -> Float.floatToIntBits(v[i])).toArray();
    }

    @ParameterizedTest(name = "n = {0}")
    @MethodSource("lengths")
    void softmaxRows(int n) {
        float[] x = rows(n, n);
        Loops.setFastPaths(false);
        assertSameBits(SoftmaxKernel.softmax(tensor(x, n), 1), x, null, n,
                (a, aAt, b, bAt, r, rAt, len) -> Vectorized.softmaxRow(a, aAt, r, rAt, len));
    }

    @ParameterizedTest(name = "n = {0}")
    @MethodSource("lengths")
    void logSoftmaxRows(int n) {
        float[] x = rows(n, n);
        Loops.setFastPaths(false);
        assertSameBits(SoftmaxKernel.logSoftmaxLastDim(tensor(x, n)), x, null, n,
                (a, aAt, b, bAt, r, rAt, len) -> Vectorized.logSoftmaxRow(a, aAt, r, rAt, len));
    }

    @ParameterizedTest(name = "n = {0}")
    @MethodSource("lengths")
    void rowsAtTheOneProductEdge(int n) {
        float[] x = edgeRows(n, 7 * n);
        Loops.setFastPaths(false);
        assertSameBits(SoftmaxKernel.softmax(tensor(x, n), 1), x, null, n,
                (a, aAt, b, bAt, r, rAt, len) -> Vectorized.softmaxRow(a, aAt, r, rAt, len));
        assertSameBits(SoftmaxKernel.logSoftmaxLastDim(tensor(x, n)), x, null, n,
                (a, aAt, b, bAt, r, rAt, len) -> Vectorized.logSoftmaxRow(a, aAt, r, rAt, len));
        float[] g = rows(n, n + 3), y = edgeRows(n, 11 * n);
        for (int i = 0; i < y.length; i += 5) y[i] = -y[i]; // log-probabilities past +87 too: exp overflows
        assertSameBits(SoftmaxKernel.logSoftmaxBackwardLastDim(tensor(g, n), tensor(y, n)), g, y, n,
                Vectorized::logSoftmaxBackwardRow);
    }

    @ParameterizedTest(name = "n = {0}")
    @MethodSource("lengths")
    void softmaxBackwardRows(int n) {
        float[] g = rows(n, n + 1), y = new float[g.length];
        Random random = new Random(n);
        for (int i = 0; i < y.length; i++) y[i] = random.nextFloat() / n;
        Loops.setFastPaths(false);
        assertSameBits(SoftmaxKernel.softmaxBackwardLastDim(tensor(g, n), tensor(y, n)), g, y, n,
                Vectorized::softmaxBackwardRow);
    }

    @ParameterizedTest(name = "n = {0}")
    @MethodSource("lengths")
    void logSoftmaxBackwardRows(int n) {
        float[] g = rows(n, n + 2), y = new float[g.length];
        Random random = new Random(n);
        for (int i = 0; i < y.length; i++) y[i] = (float) -(random.nextDouble() * 12);
        y[5] = Float.NEGATIVE_INFINITY; // a probability of 0: exp(y) = 0
        Loops.setFastPaths(false);
        assertSameBits(SoftmaxKernel.logSoftmaxBackwardLastDim(tensor(g, n), tensor(y, n)), g, y, n,
                Vectorized::logSoftmaxBackwardRow);
    }
}

package dev.jautograd.loops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.storage.FloatStorage;
import java.util.function.BinaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Last-dim softmax kernels on outputs large enough to be allocated aside (SoftmaxKernel's
 * allocateAside: a worker zeroes the output while the caller runs the first rows into a scratch
 * buffer, then copied): every row must carry the bits of the same row computed alone (one row,
 * no split, no scratch), whichever thread and buffer it went through. Shapes on both sides of the
 * scratch's capacity, and a row too long for the scratch (the plain allocation).
 */
class SoftmaxAsideTest {
    private static float[] floats(Tensor t) {
        Tensor c = t.contiguous();
        float[] all = ((FloatStorage) TensorInternals.storage(c)).array();
        return java.util.Arrays.copyOfRange(all, c.storageOffset(), c.storageOffset() + c.numel());
    }

    private static int[] bits(float[] v) {
        return IntStream.range(0, v.length).map(i -> Float.floatToIntBits(v[i])).toArray();
    }

    /** f over the whole tensor against f over each row alone, bit for bit; twice, so the scratch is reused. */
    private static void rowByRow(Tensor a, Tensor b, BinaryOperator<Tensor> f) {
        int rows = a.size(0);
        for (int round = 0; round < 2; round++) {
            float[] whole = floats(f.apply(a, b));
            for (int i = 0; i < rows; i++) {
                float[] alone = floats(f.apply(a.narrow(0, i, 1).clone(), b == null ? null : b.narrow(0, i, 1).clone()));
                int n = alone.length;
                assertArrayEquals(bits(alone), bits(java.util.Arrays.copyOfRange(whole, i * n, (i + 1) * n)), "row " + i);
            }
        }
    }

    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({"1000, 1000", "300, 1000", "2000, 131", "40, 9000", "14, 20000"})
    void everyRowAsComputedAlone(int rows, int n) {
        Torch.manualSeed(rows + n);
        Tensor x = Torch.randn(rows, n).mul(4), g = Torch.randn(rows, n);
        Tensor y = SoftmaxKernel.logSoftmaxLastDim(x), p = SoftmaxKernel.softmax(x, 1);
        rowByRow(x, null, (a, unused) -> SoftmaxKernel.softmax(a, 1));
        rowByRow(x, null, (a, unused) -> SoftmaxKernel.logSoftmaxLastDim(a));
        rowByRow(g, y, SoftmaxKernel::logSoftmaxBackwardLastDim);
        rowByRow(g, p, SoftmaxKernel::softmaxBackwardLastDim);
    }
}

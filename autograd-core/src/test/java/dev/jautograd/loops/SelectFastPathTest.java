package dev.jautograd.loops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * torch.where's dense float32 loop ({@link DenseFloat#select}) against the plain strided loop:
 * the same bits, the same shape and dtype, for the layouts it takes (dense, a single value on
 * either side, past the parallel threshold) and for those it must leave to the plain loop
 * (broadcast or transposed operands), and through ReLU's gradient, which is a where.
 */
class SelectFastPathTest {
    private static final boolean FAST_PATHS = Loops.fastPaths();
    private static final int LARGE = Parallel.MIN_PARALLEL * 2 + 3;

    @AfterEach
    void restore() {
        Loops.setFastPaths(FAST_PATHS);
    }

    private static Named<Function<Tensor[], Tensor>> named(String name, Function<Tensor[], Tensor> f) {
        return Named.of(name, f);
    }

    /** NaN, signed zeros and infinities on both sides of the condition. */
    private static Tensor specials() {
        return Torch.tensor(new double[] {Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            1e-40, -1e-40, 3.5, -2.25, 7, -7, 0.5});
    }

    static Stream<Named<Function<Tensor[], Tensor>>> cases() {
        return Stream.of(
                named("dense both sides", x -> Torch.where(x[0].gt(0), x[0], x[1])),
                named("a single 0-dim value on the right", x -> Torch.where(x[0].gt(0), x[0], Torch.tensor(-0.0f))),
                named("a single value on the left",
                        x -> Torch.where(x[0].lt(0), Torch.tensor(new float[] {2.5f}), x[1])),
                named("a view with an offset", x -> Torch.where(x[0].gt(0).narrow(0, 1, 2), x[0].narrow(0, 1, 2),
                        x[1].narrow(0, 1, 2))),
                named("broadcast column (plain loop)", x -> Torch.where(x[0].gt(0), x[0], x[1].narrow(1, 0, 1))),
                named("transposed side (plain loop)", x -> Torch.where(x[0].t().gt(0), x[0].t(), x[1].t())),
                named("relu's gradient", x -> gradientOfRelu(x[0], x[1])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void givesThePlainBits(Function<Tensor[], Tensor> f) {
        Torch.manualSeed(3);
        Tensor m = Torch.randn(4, 5), n = Torch.randn(4, 5);
        compare(f, m, n);
        Tensor s = specials().view(3, 4), t = specials().neg().view(3, 4);
        compare(f, s, t);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void givesThePlainBitsPastTheParallelThreshold(Function<Tensor[], Tensor> f) {
        Torch.manualSeed(5);
        compare(f, Torch.randn(LARGE, 2), Torch.randn(LARGE, 2));
    }

    private static Tensor gradientOfRelu(Tensor input, Tensor weight) {
        Tensor leaf = input.detach().clone().requiresGrad_();
        leaf.relu().mul(weight).sum().backward();
        return leaf.grad();
    }

    private static void compare(Function<Tensor[], Tensor> f, Tensor... inputs) {
        Loops.setFastPaths(false);
        Tensor plain = f.apply(inputs);
        Loops.setFastPaths(true);
        Tensor fast = f.apply(inputs);
        Loops.setFastPaths(FAST_PATHS);
        assertEquals(DType.FLOAT32, fast.dtype());
        assertArrayEquals(plain.shape(), fast.shape());
        assertArrayEquals(plain.stride(), fast.stride());
        assertArrayEquals(bits(plain), bits(fast));
    }

    private static int[] bits(Tensor t) {
        double[] values = t.toDoubleArray();
        int[] out = new int[values.length];
        for (int i = 0; i < out.length; i++) out[i] = Float.floatToIntBits((float) values[i]);
        return out;
    }
}

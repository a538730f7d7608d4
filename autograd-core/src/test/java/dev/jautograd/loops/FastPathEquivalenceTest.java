package dev.jautograd.loops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fast path against the plain path it replaces: the same expression is evaluated with
 * {@link Loops#setFastPaths} off (the reference) and on, on inputs laid out to reach each fast
 * path (dense, scalar, row and column broadcasts, transposed views, sizes past the parallel
 * threshold, special values). Elementwise results and float32 sums must be bit-identical;
 * matrix products may differ only by float32 rounding of a different summation order.
 */
class FastPathEquivalenceTest {
    /**
     * Past {@link Parallel#MIN_PARALLEL} and past the 4x of DenseFloat's vectorised loops, so the
     * threaded loops run (when there is more than one core).
     */
    private static final int LARGE = Parallel.MIN_PARALLEL * 4 + 3;

    /** As set for this JVM (the suite also runs with -Djautograd.loops=plain and -Djautograd.blas=java). */
    private static final boolean FAST_PATHS = Loops.fastPaths();
    private static final boolean JAVA_BLAS = Blas.prefersJava();

    @AfterEach
    void restoreSettings() {
        Loops.setFastPaths(FAST_PATHS);
        Blas.preferJava(JAVA_BLAS);
    }

    private static Tensor randn(int... shape) {
        return Torch.randn(shape);
    }

    /** Values that exercise NaN propagation, signed zeros, infinities and overflow in exp. */
    private static Tensor specials() {
        return Torch.tensor(new double[] {Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, 100, -100, 1e-40, 88.7, -103.9, 3.5, -2.25});
    }

    /** Gradients against {@link #specials}: NaN and infinities where the input was clamped, and not. */
    private static Tensor specialGradients() {
        return Torch.tensor(new double[] {1, Double.POSITIVE_INFINITY, Double.NaN, -0.0, Double.NEGATIVE_INFINITY,
            Double.NaN, 2, -3, 1e-40, 0.0, -7, 0.25});
    }

    record Case(Function<Tensor[], Tensor> expression, Tensor... inputs) {}

    private static Named<Case> named(String name, Function<Tensor[], Tensor> f, Tensor... inputs) {
        return Named.of(name, new Case(f, inputs));
    }

    static Stream<Named<Case>> elementwise() {
        Torch.manualSeed(7);
        Tensor m = randn(4, 5), n = randn(4, 5), row = randn(5), column = randn(4, 1), big = randn(LARGE);
        Tensor big2 = randn(LARGE), t = randn(5, 4), cube = randn(2, 3, 4);
        return Stream.of(
                named("add", x -> x[0].add(x[1]), m, n),
                named("sub", x -> x[0].sub(x[1]), m, n),
                named("mul", x -> x[0].mul(x[1]), m, n),
                named("div", x -> x[0].div(x[1]), m, n),
                named("add large (threads)", x -> x[0].add(x[1]), big, big2),
                named("div large (threads)", x -> x[0].div(x[1]), big, big2),
                named("mul scalar", x -> x[0].mul(0.1), m),
                named("rsub scalar", x -> x[0].rsub(1), m),
                named("div by 0-dim", x -> x[0].div(x[1]), m, Torch.tensor(3.0)),
                named("0-dim minus tensor", x -> x[1].sub(x[0]), m, Torch.tensor(3.0)),
                named("scalar large", x -> x[0].mul(0.3).rsub(2), big),
                named("bias row broadcast", x -> x[0].add(x[1]), m, row),
                named("row broadcast 3-D", x -> x[0].mul(x[1]), cube, randn(1, 4)),
                named("column broadcast", x -> x[0].sub(x[1]), m, column),
                named("column broadcast on left", x -> x[1].div(x[0]), m, column),
                named("outer broadcast", x -> x[0].mul(x[1]), column, row),
                named("transposed + dense", x -> x[0].t().add(x[1]), t, m),
                named("transposed * transposed", x -> x[0].t().mul(x[1].t()), t, t),
                named("permuted 3-D", x -> x[0].permute(2, 0, 1).sub(x[1]), cube, randn(4, 2, 3)),
                named("expanded", x -> x[0].expand(3, 4, 5).add(x[1]), row, randn(3, 4, 5)),
                named("specials arithmetic", x -> x[0].mul(x[0]).div(x[0].add(1)), specials()),
                named("exp", x -> x[0].exp(), specials()),
                named("log", x -> x[0].log(), specials()),
                named("tanh", x -> x[0].tanh(), specials()),
                named("sqrt", x -> x[0].sqrt(), specials()),
                named("sigmoid", x -> x[0].sigmoid(), specials()),
                named("neg", x -> x[0].neg(), specials()),
                named("relu", x -> x[0].relu(), specials()),
                named("exp large", x -> x[0].exp(), big),
                named("sigmoid large", x -> x[0].sigmoid(), big),
                named("relu large", x -> x[0].relu(), big),
                named("tanh large (SIMD lanes and a scalar tail)", x -> x[0].mul(3).tanh(), big),
                named("tanh around its cut-offs", x -> x[0].tanh(), tanhEdges()),
                named("exp of a view", x -> x[0].t().exp(), t),
                named("fill_ and add_", x -> x[0].clone().fill_(0.25).add_(x[1]), m, n),
                named("zero_ large", x -> x[0].clone().zero_(), big),
                named("clone of a transposed view", x -> x[0].t().clone(), t),
                named("contiguous of a permuted 3-D view", x -> x[0].permute(2, 0, 1).contiguous(), cube),
                named("contiguous of an expanded row", x -> x[0].expand(4, 5).contiguous(), row),
                named("copy_ a broadcast column", x -> x[0].clone().copy_(x[1]), m, column),
                named("sub_ through a transposed operand", x -> x[0].clone().sub_(x[1].t()), m, t),
                named("add_ with alpha (an SGD step)", x -> x[0].clone().add_(x[1], -0.01), m, n),
                named("add_ with alpha large (threads)", x -> x[0].clone().add_(x[1], 0.3), big, big2),
                named("add_ of specials", x -> x[0].clone().add_(x[1], 1e30), specials(), specialGradients()),
                named("add_ of a bias row", x -> x[0].clone().add_(x[1]), m, row),
                named("add_ with alpha of a bias row (threads)", x -> x[0].clone().add_(x[1], -2.5), randn(300, 257), randn(257)),
                named("add_ of itself", x -> { Tensor c = x[0].clone(); return c.add_(c, 0.5); }, m),
                // row slices: dense at a storage offset, so each loop's one-index form (equal offsets) and its per-array one
                named("add of slices at other offsets", x -> x[0].narrow(0, 1, 3).add(x[1].narrow(0, 0, 3)), m, n),
                named("mul of slices at one offset", x -> x[0].narrow(0, 1, 3).mul(x[1].narrow(0, 1, 3)), m, n),
                named("scalar ops of a slice", x -> x[0].narrow(0, 2, 2).mul(0.3).rsub(2), m),
                named("relu and sqrt of a slice", x -> x[0].narrow(0, 1, 3).relu().add(x[0].narrow(0, 1, 3).sqrt()), m),
                named("add_ with alpha into a slice, same offset", x -> {
                    Tensor c = x[0].clone();
                    c.narrow(0, 1, 2).add_(x[1].narrow(0, 1, 2), -0.01);
                    return c;
                }, m, n),
                named("add_ with alpha into a slice, other offset", x -> {
                    Tensor c = x[0].clone();
                    c.narrow(0, 1, 2).add_(x[1].narrow(0, 2, 2), 0.7);
                    c.narrow(0, 0, 2).add_(c.narrow(0, 2, 2));
                    return c;
                }, m, n),
                named("relu gradient of specials", x -> gradient(Tensor::relu, x[0], x[1]), specials(), specialGradients()),
                named("relu gradient large (threads)", x -> gradient(Tensor::relu, x[0], x[1]), big, big2),
                named("tanh gradient of specials", x -> gradient(Tensor::tanh, x[0], x[1]), specials(), specialGradients()));
    }

    /** The gradient f's backward gives input x for incoming gradient g. */
    private static Tensor gradient(java.util.function.UnaryOperator<Tensor> f, Tensor x, Tensor g) {
        Tensor leaf = x.detach().clone().requiresGrad_();
        f.apply(leaf).backward(g);
        return leaf.grad();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementwise")
    void elementwiseIsBitIdentical(Case c) {
        Tensor expected = evaluate(c, false);
        Tensor actual = evaluate(c, true);
        assertArrayEquals(expected.shape(), actual.shape());
        assertEquals(expected.dtype(), actual.dtype());
        assertArrayEquals(floatBits(expected), floatBits(actual));
    }

    static Stream<Named<Case>> reductions() {
        Torch.manualSeed(11);
        Tensor m = randn(6, 7), cube = randn(3, 4, 5), big = randn(LARGE), wide = randn(3, LARGE / 3);
        return Stream.of(
                named("sum all", x -> x[0].sum(), m),
                named("sum dim 0 (bias gradient)", x -> x[0].sum(0), m),
                named("sum dim 1", x -> x[0].sum(1), m),
                named("sum keepdim", x -> x[0].sum(-1, true), m),
                named("mean dim 1", x -> x[0].mean(1), m),
                named("sum middle dim", x -> x[0].sum(1), cube),
                named("sum leading dims", x -> x[0].sum(new int[] {0, 1}, false), cube),
                named("sum trailing dims", x -> x[0].sum(new int[] {1, 2}, true), cube),
                named("sum outer dims (plain path)", x -> x[0].sum(new int[] {0, 2}, false), cube),
                named("sum of a transposed view", x -> x[0].t().sum(0), m),
                named("sum large (threads)", x -> x[0].sum(), big),
                named("mean large", x -> x[0].mean(), big),
                named("row sums wide (threads)", x -> x[0].sum(1), wide),
                named("column sums wide", x -> x[0].sum(0), wide),
                named("sum with NaN and inf", x -> x[0].sum(), specials()),
                named("softmax rows", x -> x[0].softmax(1), wide),
                named("softmax columns", x -> x[0].softmax(0), m),
                named("softmax rows of 1003 (SIMD and a tail)", x -> x[0].mul(4).softmax(1), randn(40, 1003)),
                named("softmax rows with specials", x -> x[0].view(2, 6).softmax(1), specials()),
                named("log_softmax rows of 1003", x -> x[0].mul(4).logSoftmax(1), randn(40, 1003)),
                named("log_softmax rows with specials", x -> x[0].view(2, 6).logSoftmax(1), specials()),
                named("column sums, tiles and tails", x -> x[0].sum(0), randn(70, 2 * 1024 + 32 * 3 + 8 + 5)),
                named("column sums of a row slice", x -> x[0].narrow(1, 3, 1100).sum(0), randn(40, 1200)));
    }

    /** Inputs near tanh's branches: 0, tiny, the 8.664 clamp, huge, NaN, infinities, both signs. */
    private static Tensor tanhEdges() {
        double[] v = {0.0, -0.0, 1e-30, -1e-8, 0.5, -0.5, 1, 2.5, -4, 8.6643, 8.6644, -8.6643, 8.7, 9, -20, 1e10,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.34657359, 0.34657360, 5.5};
        return Torch.tensor(v);
    }

    static Stream<Named<Case>> softmaxGradients() {
        Torch.manualSeed(19);
        Tensor wide = randn(30, 1001), weights = randn(30, 1001), labels = Torch.randint(0, 1001, 30);
        return Stream.of(
                named("softmax backward", x -> x[0].softmax(1).mul(x[1]).sum(), wide, weights),
                named("log_softmax backward", x -> x[0].logSoftmax(1).mul(x[1]).sum(), wide, weights),
                named("cross-entropy backward", x -> dev.jautograd.nn.Functional.crossEntropy(x[0], labels), wide));
    }

    /** The fused softmax gradients (SIMD rows) give the plain rows' bits. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("softmaxGradients")
    void softmaxGradientsAreBitIdentical(Case c) {
        Tensor[] plain = gradients(c, false), fast = gradients(c, true);
        for (int i = 0; i < plain.length; i++) assertArrayEquals(floatBits(plain[i]), floatBits(fast[i]));
    }

    /**
     * A gate that turns hot in the middle of one array: scalar chunks, slow vector trials, then
     * a fast trial and the rest vector in one call. The mixed result must carry the plain bits.
     */
    @ParameterizedTest
    @EnumSource(value = FloatFunction.class, names = {"EXP", "SIGMOID", "TANH"})
    void aGateTurningHotMidArrayGivesThePlainBits(FloatFunction f) {
        org.junit.jupiter.api.Assumptions.assumeTrue(Vectorized.available(), "no Vector API in this JVM");
        java.util.Random random = new java.util.Random(23);
        float[] in = new float[100 * HotPath.CHUNK_ELEMENTS + 5], out = new float[in.length];
        double[] values = new double[in.length];
        for (int i = 0; i < in.length; i++) values[i] = in[i] = (float) (random.nextGaussian() * 6);
        Tensor x = Torch.tensor(values);
        assertEquals(DType.FLOAT32, x.dtype());
        Function<Tensor[], Tensor> plain = f == FloatFunction.EXP ? t -> t[0].exp() : f == FloatFunction.TANH ? t -> t[0].tanh() : t -> t[0].sigmoid();
        Tensor expected = evaluate(new Case(plain, x), false);
        long[] now = {0};
        int[] trials = {0};
        boolean[] sawScalarAfterTrial = {false};
        HotPath gate = new HotPath(() -> now[0], () -> true);
        gate.run(0, in.length, 1, (from, to, vector) -> {
            Vectorized.floatChunk(f, in, 0, out, 0, from, to, vector);
            if (vector) trials[0]++;
            else if (trials[0] > 0) sawScalarAfterTrial[0] = true;
            now[0] += vector ? (trials[0] < 3 ? 10_000_000_000L : 1_000) : 300_000_000L;
        });
        assertTrue(gate.hot() && trials[0] == 4 && sawScalarAfterTrial[0], gate.toString());
        int[] bits = new int[out.length];
        for (int i = 0; i < out.length; i++) bits[i] = Float.floatToIntBits(out[i]);
        assertArrayEquals(floatBits(expected), bits);
    }

    /** float32 sums add in PyTorch's order on both paths (CascadeSum), so they agree bit for bit. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("reductions")
    void reductionsAreBitIdentical(Case c) {
        Tensor expected = evaluate(c, false), actual = evaluate(c, true);
        assertArrayEquals(expected.shape(), actual.shape());
        assertArrayEquals(floatBits(expected), floatBits(actual));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dots")
    void dotAgreesWithinFloatRounding(Case c) {
        assertClose(evaluate(c, false), evaluate(c, true), 1);
    }

    static Stream<Named<Case>> dots() {
        Torch.manualSeed(12);
        return Stream.of(named("dot", x -> x[0].dot(x[1]), randn(50), randn(50)));
    }

    static Stream<Named<Case>> products() {
        Torch.manualSeed(13);
        Tensor a = randn(3, 4), b = randn(4, 5), at = randn(4, 3), bt = randn(5, 4);
        return Stream.of(
                named("mm", x -> x[0].mm(x[1]), a, b),
                named("mm transposed left", x -> x[0].t().mm(x[1]), at, b),
                named("mm transposed right", x -> x[0].mm(x[1].t()), a, bt),
                named("mm both transposed", x -> x[0].t().mm(x[1].t()), at, bt),
                named("mm of a column slice (copied)", x -> x[0].permute(1, 0).contiguous().t().mm(x[1]), a, b),
                named("mm row vector", x -> x[0].mm(x[1]), randn(1, 4), b),
                named("mm column result", x -> x[0].mm(x[1]), a, randn(4, 1)),
                named("bmm of zero batches", x -> x[0].bmm(x[1]), Torch.zeros(0, 2, 3), Torch.zeros(0, 3, 4)),
                named("mm inner size 0", x -> x[0].mm(x[1]), Torch.zeros(3, 0), Torch.zeros(0, 2)),
                named("mm large (threads in the Java BLAS)", x -> x[0].mm(x[1]), randn(70, 80), randn(80, 90)),
                named("mv", x -> x[0].mv(x[1]), a, randn(4)),
                named("matmul 1-D @ 2-D", x -> x[0].matmul(x[1]), randn(4), b),
                named("bmm", x -> x[0].bmm(x[1]), randn(2, 3, 4), randn(2, 4, 5)),
                named("bmm transposed batches", x -> x[0].transpose(1, 2).bmm(x[1]), randn(2, 4, 3), randn(2, 4, 5)),
                named("bmm of permuted batches (wide leading dim)", x -> x[0].permute(1, 0, 2).bmm(x[1]),
                        randn(3, 4, 5), randn(4, 5, 2)),
                named("mm large, both row-major (Java BLAS via column-major)", x -> x[0].mm(x[1]),
                        randn(130, 70), randn(70, 90)),
                named("matmul broadcast batch", x -> x[0].matmul(x[1]), randn(2, 3, 4), randn(4, 5)),
                named("matmul broadcast left", x -> x[0].matmul(x[1]), randn(3, 4), randn(2, 4, 5)),
                named("mm float64", x -> x[0].mm(x[1]), a.to(DType.FLOAT64), b.to(DType.FLOAT64)),
                named("mm with specials", x -> x[0].view(3, 4).mm(x[1]), specials(), b));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("products")
    void nativeBlasAgreesWithPlainLoops(Case c) {
        assertClose(evaluate(c, false), evaluate(c, true), innerSize(c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("products")
    void pureJavaBlasAgreesWithPlainLoops(Case c) {
        Blas.preferJava(true);
        assertClose(evaluate(c, false), evaluate(c, true), innerSize(c));
    }

    static Stream<Named<Case>> gradients() {
        Torch.manualSeed(17);
        return Stream.of(
                named("mlp layer", x -> x[0].matmul(x[1].t()).add(x[2]).relu().sigmoid().sum(),
                        randn(8, 6), randn(5, 6), randn(5)),
                named("log-softmax and mean", x -> x[0].logSoftmax(1).mul(x[1]).mean(), randn(4, 7), randn(4, 7)),
                named("broadcast sub and div", x -> x[0].sub(x[1]).div(x[2].exp()).sum(),
                        randn(3, 4), randn(3, 1), randn(4)));
    }

    /** Gradients run every backward formula through the kernels too: compare each input's gradient. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("gradients")
    void gradientsAgree(Case c) {
        Tensor[] plain = gradients(c, false), fast = gradients(c, true);
        for (int i = 0; i < plain.length; i++) assertClose(plain[i], fast[i], 8);
    }

    private static Tensor[] gradients(Case c, boolean fast) {
        Loops.setFastPaths(fast);
        Tensor[] leaves = Stream.of(c.inputs()).map(t -> t.detach().clone().requiresGrad_()).toArray(Tensor[]::new);
        c.expression().apply(leaves).backward();
        return Stream.of(leaves).map(Tensor::grad).toArray(Tensor[]::new);
    }

    private static Tensor evaluate(Case c, boolean fast) {
        Loops.setFastPaths(fast);
        try {
            return c.expression().apply(c.inputs());
        } finally {
            Loops.setFastPaths(FAST_PATHS);
        }
    }

    private static int innerSize(Case c) {
        Tensor first = c.inputs()[0];
        return Math.max(1, first.size(-1));
    }

    private static int[] floatBits(Tensor t) {
        double[] values = t.toDoubleArray();
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) bits[i] = Float.floatToIntBits((float) values[i]);
        return bits;
    }

    /**
     * Equal within float32 rounding of a sum of {@code terms} products: a few units in the last
     * place of the result's magnitude per term. NaN and infinities must match exactly.
     */
    private static void assertClose(Tensor expected, Tensor actual, int terms) {
        assertArrayEquals(expected.shape(), actual.shape());
        assertEquals(expected.dtype(), actual.dtype());
        double[] e = expected.toDoubleArray(), a = actual.toDoubleArray();
        double eps = expected.dtype() == DType.FLOAT64 ? 0x1p-52 : 0x1p-23;
        for (int i = 0; i < e.length; i++) {
            if (Double.isNaN(e[i]) || Double.isInfinite(e[i])) {
                assertEquals(e[i], a[i], "element " + i);
                continue;
            }
            double tolerance = 4 * eps * terms * Math.max(1, Math.abs(e[i]));
            assertTrue(Math.abs(e[i] - a[i]) <= tolerance,
                    "element " + i + ": plain " + e[i] + ", fast " + a[i] + " (tolerance " + tolerance + ")");
        }
    }
}

package dev.jautograd;

import dev.jautograd.autograd.GradMode;
import dev.jautograd.loops.Blas;
import dev.jautograd.loops.Elementwise;
import dev.jautograd.ops.Where;
import dev.jautograd.random.Generator;
import dev.jautograd.storage.BoolStorage;
import dev.jautograd.storage.DoubleStorage;
import dev.jautograd.storage.FloatStorage;
import dev.jautograd.storage.LongStorage;
import dev.jautograd.storage.Storage;

/**
 * The {@code torch} namespace: factories, random numbers, grad mode and functional forms of the
 * ops. {@code torch.tensor([5.], requires_grad=True)} is
 * {@code Torch.tensor(new double[]{5.}, requiresGrad())} (with {@code import static dev.jautograd.Options.*}).
 */
public final class Torch extends TorchFunctional {
    private Torch() {}

    // ---------------------------------------------------------------- from data

    /** A 0-dim tensor, as {@code torch.tensor(5.)}. */
    public static Tensor tensor(double value) { return tensor(value, Options.defaults()); }

    public static Tensor tensor(double value, Options options) {
        return build(options, DType.defaultFloat(), new double[] {value});
    }

    /** A 1-D tensor from Python-style floats: the default dtype, float32. */
    public static Tensor tensor(double[] data) { return tensor(data, Options.defaults()); }

    public static Tensor tensor(double[] data, Options options) {
        return build(options, DType.defaultFloat(), data.clone(), data.length);
    }

    public static Tensor tensor(double[][] data) { return tensor(data, Options.defaults()); }

    public static Tensor tensor(double[][] data, Options options) {
        return build(options, DType.defaultFloat(), NestedData.flatten(data), NestedData.shape(data));
    }

    public static Tensor tensor(double[][][] data) { return tensor(data, Options.defaults()); }

    public static Tensor tensor(double[][][] data, Options options) {
        return build(options, DType.defaultFloat(), NestedData.flatten(data), NestedData.shape(data));
    }

    /**
     * A 0-dim int64 tensor, as {@code torch.tensor(5)}: an int literal selects this overload
     * (int widens to long before double), as a Python int gives int64.
     */
    public static Tensor tensor(long value) { return tensor(value, Options.defaults()); }

    public static Tensor tensor(long value, Options options) {
        Tensor t = Tensor.wrap(new LongStorage(new long[] {value}));
        return withRequiresGrad(options, t.to(dtypeOr(options, DType.INT64)));
    }

    /** Python-style ints: int64. */
    public static Tensor tensor(long[] data) { return tensor(data, Options.defaults()); }

    public static Tensor tensor(long[] data, Options options) {
        Tensor t = Tensor.wrap(new LongStorage(data.clone()), data.length);
        return withRequiresGrad(options, t.to(dtypeOr(options, DType.INT64)));
    }

    public static Tensor tensor(int[] data) { return tensor(data, Options.defaults()); }

    public static Tensor tensor(int[] data, Options options) {
        return tensor(java.util.Arrays.stream(data).asLongStream().toArray(), options);
    }

    public static Tensor tensor(long[][] data) {
        return Tensor.wrap(new LongStorage(NestedData.flatten(data)), NestedData.shape(data));
    }

    /** A 0-dim bool tensor, as {@code torch.tensor(True)}. */
    public static Tensor tensor(boolean value) {
        return Tensor.wrap(new BoolStorage(new boolean[] {value}));
    }

    public static Tensor tensor(boolean[] data) {
        return Tensor.wrap(new BoolStorage(data.clone()), data.length);
    }

    public static Tensor tensor(float[] data) { return tensor(data, Options.defaults()); }

    public static Tensor tensor(float[] data, Options options) {
        Tensor t = Tensor.wrap(new FloatStorage(data.clone()), data.length);
        return withRequiresGrad(options, t.to(dtypeOr(options, DType.FLOAT32)));
    }

    private static Tensor build(Options options, DType fallback, double[] values, int... shape) {
        DType dtype = dtypeOr(options, fallback);
        Storage storage = Storage.allocate(dtype, values.length);
        for (int i = 0; i < values.length; i++) storage.set(i, values[i]);
        matrixMade(shape);
        return withRequiresGrad(options, Tensor.wrap(storage, shape));
    }

    /**
     * A matrix made from data or random numbers: matrix products tend to follow, so the BLAS starts
     * loading now on a daemon thread ({@link Blas#loadInBackground}), as {@code import torch} loads
     * OpenBLAS, while the cell makes its data and the student reads. Loading it in the call was
     * most of a fresh JVM's first matmul (netlib copies its JNI library out of the jar, then
     * OpenBLAS starts: 25-45 ms of CPU under load). Only here, not when the library loads: an idle
     * kernel would then hold OpenBLAS's few MB, and its memory is at its budget (docs/kernel.md).
     */
    private static void matrixMade(int[] shape) {
        if (shape.length >= 2) Blas.loadInBackground();
    }

    // ---------------------------------------------------------------- filled

    public static Tensor zeros(int... shape) { return full(shape, 0, Options.defaults()); }

    public static Tensor zeros(int[] shape, Options options) { return full(shape, 0, options); }

    public static Tensor ones(int... shape) { return full(shape, 1, Options.defaults()); }

    public static Tensor ones(int[] shape, Options options) { return full(shape, 1, options); }

    public static Tensor full(int[] shape, double value) { return full(shape, value, Options.defaults()); }

    /** {@code torch.full(size, 3)} with a Python int: PyTorch 1.13 infers int64 from the fill value. */
    public static Tensor full(int[] shape, long value) { return full(shape, value, Options.dtype(DType.INT64)); }

    public static Tensor full(int[] shape, double value, Options options) {
        Tensor t = Tensor.empty(dtypeOr(options, DType.defaultFloat()), shape);
        if (value != 0) Elementwise.fill(t, value);
        return withRequiresGrad(options, t);
    }

    public static Tensor zerosLike(Tensor t) { return zeros(t.shape(), Options.dtype(t.dtype())); }

    public static Tensor onesLike(Tensor t) { return ones(t.shape(), Options.dtype(t.dtype())); }

    public static Tensor fullLike(Tensor t, double value) { return full(t.shape(), value, Options.dtype(t.dtype())); }

    /** The n×n identity, as {@code torch.eye(n)}. */
    public static Tensor eye(int n) { return eye(n, n); }

    public static Tensor eye(int n, int m) {
        if (n < 0) throw new IllegalArgumentException("n must be greater or equal to 0, got " + n);
        if (m < 0) throw new IllegalArgumentException("m must be greater or equal to 0, got " + m);
        Tensor t = zeros(n, m);
        for (int i = 0; i < Math.min(n, m); i++) t.storage().set(i * m + i, 1);
        return t;
    }

    // ---------------------------------------------------------------- ranges

    /** {@code torch.arange(end)} with an integer end: int64 values 0 … end-1. */
    public static Tensor arange(long end) { return arange(0, end, 1); }

    public static Tensor arange(long start, long end) { return arange(start, end, 1); }

    public static Tensor arange(long start, long end, long step) {
        int n = Ranges.count(start, end, step);
        // int64 steps, exact: start + i·step never goes through double
        long[] values = new long[n];
        for (int i = 0; i < n; i++) values[i] = start + i * step;
        return Tensor.wrap(new LongStorage(values), n);
    }

    /** {@code torch.arange} with a float argument: float32, computed in double as PyTorch's kernel does. */
    public static Tensor arange(double start, double end, double step) {
        int n = Ranges.count(start, end, step);
        return build(Options.defaults(), DType.defaultFloat(), Ranges.arange(start, step, n), n);
    }

    public static Tensor arange(double end) { return arange(0, end, 1.0); }

    /** {@code torch.linspace(start, end, steps)}, float32, symmetric from both ends as PyTorch computes it. */
    public static Tensor linspace(double start, double end, int steps) {
        return build(Options.defaults(), DType.defaultFloat(), Ranges.linspace(start, end, steps), steps);
    }

    // ---------------------------------------------------------------- random

    /** As {@code torch.manual_seed(seed)}: reseeds the default generator and returns it. */
    public static Generator manualSeed(long seed) {
        return Generator.defaultGenerator().manualSeed(seed);
    }

    /** Standard normal samples, the same numbers PyTorch draws after the same seed. */
    public static Tensor randn(int... shape) { return randn(shape, Options.defaults()); }

    public static Tensor randn(int[] shape, Options options) {
        Tensor t = Tensor.empty(floatType(options, "normal_kernel_cpu"), shape);
        Storage s = t.storage();
        matrixMade(shape);
        if (s instanceof FloatStorage f) Generator.defaultGenerator().normal(f.array(), 0, 1);
        else Generator.defaultGenerator().normal(((DoubleStorage) s).array(), 0, 1);
        return withRequiresGrad(options, t);
    }

    /** Uniform samples in [0, 1). */
    public static Tensor rand(int... shape) { return rand(shape, Options.defaults()); }

    public static Tensor rand(int[] shape, Options options) {
        Tensor t = Tensor.empty(floatType(options, "check_uniform_bounds"), shape);
        Storage s = t.storage();
        matrixMade(shape);
        if (s instanceof FloatStorage f) Generator.defaultGenerator().uniform(f.array(), 0, 1);
        else Generator.defaultGenerator().uniform(((DoubleStorage) s).array(), 0, 1);
        return withRequiresGrad(options, t);
    }

    /** Integers uniform in [low, high), int64. */
    public static Tensor randint(long low, long high, int... shape) {
        if (low >= high) {
            throw new IllegalArgumentException("random_ expects 'from' to be less than 'to', but got from=" + low
                    + " >= to=" + high);
        }
        Tensor t = Tensor.empty(DType.INT64, shape);
        Generator.defaultGenerator().randint(((LongStorage) t.storage()).array(), low, high);
        return t;
    }

    public static Tensor randint(long high, int[] shape) { return randint(0, high, shape); }

    /** A random permutation of 0 … n-1, int64. */
    public static Tensor randperm(int n) {
        return Tensor.wrap(new LongStorage(Generator.defaultGenerator().randperm(n)), n);
    }

    public static Tensor randnLike(Tensor t) { return randn(t.shape(), Options.dtype(t.dtype())); }

    public static Tensor randLike(Tensor t) { return rand(t.shape(), Options.dtype(t.dtype())); }

    private static DType floatType(Options options, String kernel) {
        DType dtype = dtypeOr(options, DType.defaultFloat());
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("\"" + kernel + "\" not implemented for '" + dtype.scalarTypeName() + "'");
        }
        return dtype;
    }

    // ---------------------------------------------------------------- grad mode

    /** {@code with torch.no_grad():} is {@code try (var scope = Torch.noGrad()) { ... }}. */
    public static GradMode.Scope noGrad() { return GradMode.disabled(); }

    /** {@code with torch.enable_grad():}. */
    public static GradMode.Scope enableGrad() { return GradMode.enabled(); }

    public static GradMode.Scope setGradEnabled(boolean enabled) { return GradMode.set(enabled); }

    public static boolean isGradEnabled() { return GradMode.isEnabled(); }

    // ---------------------------------------------------------------- functional forms

    public static Tensor matmul(Tensor a, Tensor b) { return a.matmul(b); }

    public static Tensor mm(Tensor a, Tensor b) { return a.mm(b); }

    public static Tensor mv(Tensor a, Tensor b) { return a.mv(b); }

    public static Tensor dot(Tensor a, Tensor b) { return a.dot(b); }

    public static Tensor bmm(Tensor a, Tensor b) { return a.bmm(b); }

    public static Tensor add(Tensor a, Tensor b) { return a.add(b); }

    /** {@code torch.add(a, b, alpha=alpha)}: a + alpha·b. */
    public static Tensor add(Tensor a, Tensor b, double alpha) { return a.add(b, alpha); }

    public static Tensor sub(Tensor a, Tensor b) { return a.sub(b); }

    public static Tensor mul(Tensor a, Tensor b) { return a.mul(b); }

    public static Tensor div(Tensor a, Tensor b) { return a.div(b); }

    public static Tensor pow(Tensor a, double exponent) { return a.pow(exponent); }

    public static Tensor pow(Tensor a, Tensor exponent) { return a.pow(exponent); }

    /** {@code torch.pow(base, t)} for a number base (PowBackward2, as in PyTorch). */
    public static Tensor pow(double base, Tensor exponent) {
        return dev.jautograd.ops.TensorPow.applyScalarBase(base, exponent);
    }

    public static Tensor rsub(Tensor a, double other) { return a.rsub(other); }

    public static Tensor exp(Tensor t) { return t.exp(); }

    public static Tensor log(Tensor t) { return t.log(); }

    public static Tensor log1p(Tensor t) { return t.log1p(); }

    public static Tensor expm1(Tensor t) { return t.expm1(); }

    public static Tensor sqrt(Tensor t) { return t.sqrt(); }

    public static Tensor abs(Tensor t) { return t.abs(); }

    public static Tensor sin(Tensor t) { return t.sin(); }

    public static Tensor cos(Tensor t) { return t.cos(); }

    public static Tensor tanh(Tensor t) { return t.tanh(); }

    public static Tensor sigmoid(Tensor t) { return t.sigmoid(); }

    public static Tensor relu(Tensor t) { return t.relu(); }

    public static Tensor sum(Tensor t) { return t.sum(); }

    public static Tensor mean(Tensor t) { return t.mean(); }

    public static Tensor t(Tensor t) { return t.t(); }

    public static Tensor transpose(Tensor t, int dim0, int dim1) { return t.transpose(dim0, dim1); }

    public static Tensor reshape(Tensor t, int... shape) { return t.reshape(shape); }

    public static Tensor squeeze(Tensor t) { return t.squeeze(); }

    public static Tensor unsqueeze(Tensor t, int dim) { return t.unsqueeze(dim); }

    public static Tensor clamp(Tensor t, Double min, Double max) { return t.clamp(min, max); }

    /** {@code torch.where(condition, a, b)}. */
    public static Tensor where(Tensor condition, Tensor a, Tensor b) { return Where.apply(condition, a, b); }

    /**
     * {@code torch.set_printoptions}: a null number leaves that option as it is; a null sciMode
     * means automatic (as PyTorch's default {@code sci_mode=None}).
     */
    public static void setPrintOptions(Integer precision, Integer threshold, Integer edgeItems, Integer lineWidth,
                                       Boolean sciMode) {
        dev.jautograd.print.PrintOptions.set(precision, threshold, edgeItems, lineWidth, sciMode);
    }

    /** {@code torch.set_printoptions(precision=2, sci_mode=False)} is {@code setPrintOptions(precision(2).sciMode(false))}. */
    public static void setPrintOptions(PrintKeywords options) { options.apply(); }

    /** {@code precision=...} for {@link #setPrintOptions(PrintKeywords)}; chain more: {@code precision(2).lineWidth(120)}. */
    public static PrintKeywords precision(int digits) { return PrintKeywords.NONE.precision(digits); }

    /** {@code threshold=...}: more elements than this are summarised. */
    public static PrintKeywords threshold(int elements) { return PrintKeywords.NONE.threshold(elements); }

    /** {@code edgeitems=...}. */
    public static PrintKeywords edgeItems(int items) { return PrintKeywords.NONE.edgeItems(items); }

    /** {@code linewidth=...}. */
    public static PrintKeywords lineWidth(int characters) { return PrintKeywords.NONE.lineWidth(characters); }

    /** {@code sci_mode=...}. */
    public static PrintKeywords sciMode(boolean scientific) { return PrintKeywords.NONE.sciMode(scientific); }

    /** {@code profile=...}: "default", "short" or "full". */
    public static PrintKeywords profile(String name) { return PrintKeywords.NONE.profile(name); }

    /** Applies {@code requires_grad} to a freshly made tensor, with PyTorch's check for non-float dtypes. */
    /** Options is sealed: every value is a Keywords, whose settings only this package reads. */
    private static DType dtypeOr(Options options, DType fallback) {
        return ((Options.Keywords) options).dtypeOr(fallback);
    }

    private static Tensor withRequiresGrad(Options options, Tensor fresh) {
        if (!((Options.Keywords) options).isRequiresGrad()) return fresh;
        if (!fresh.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("Only Tensors of floating point and complex dtype can require gradients");
        }
        return fresh.requiresGrad_();
    }
}

package dev.jautograd.random;

/**
 * A replica of PyTorch 1.13's CPU generator ({@code at::CPUGeneratorImpl}): after the
 * same {@link #manualSeed(long)} it yields the same bits as {@code torch.randn},
 * {@code torch.rand}, {@code torch.randint}, {@code torch.randperm}, {@code normal_}
 * and {@code uniform_} on a contiguous CPU tensor, call after call.
 *
 * <p>State is the Mersenne Twister plus the cached second Box-Muller value of the
 * serial normal path. Every fill method draws in the order ATen's CPU kernels do.
 */
public final class Generator {
    /** c10's default_rng_seed_val, the seed of every freshly constructed torch.Generator(). */
    private static final long DEFAULT_SEED = 67280421310721L;

    private final Mt19937 engine = new Mt19937(DEFAULT_SEED);
    private long seed = DEFAULT_SEED;
    private boolean hasCachedNormal;
    private double cachedNormal;

    public Generator() {
    }

    public static Generator defaultGenerator() {
        return DefaultHolder.INSTANCE;
    }

    /**
     * Like {@code torch.default_generator}, seeded from a non-deterministic source at start-up,
     * so unseeded programs draw different numbers each run; {@code manualSeed} makes them repeatable.
     */
    private static final class DefaultHolder {
        static final Generator INSTANCE = new Generator().manualSeed(nonDeterministicSeed());
    }

    /**
     * Eight bytes of /dev/urandom, as c10's getNonDeterministicRandom reads them; SecureRandom where
     * there is none. SecureRandom's start-up (security providers, its own seeding) was ~10-15 ms
     * of a fresh JVM's first {@code Torch.manualSeed}, a notebook's usual first cell, which throws
     * this seed away at once.
     */
    static long nonDeterministicSeed() {
        try (var in = new java.io.FileInputStream("/dev/urandom")) {
            byte[] bytes = in.readNBytes(8);
            if (bytes.length == 8) {
                long seed = 0;
                for (byte b : bytes) seed = seed << 8 | (b & 0xff);
                return seed;
            }
        } catch (java.io.IOException | SecurityException noUrandom) {
            // not Linux or macOS: below
        }
        return new java.security.SecureRandom().nextLong();
    }

    /** Like {@code Generator.manual_seed}: reseeds the twister and forgets the cached normal. */
    public synchronized Generator manualSeed(long seed) {
        this.seed = seed;
        engine.seed(seed);
        hasCachedNormal = false;
        return this;
    }

    /** The 64-bit seed as torch.initial_seed() reports it (read it as unsigned). */
    public synchronized long initialSeed() {
        return seed;
    }

    /** {@code normal_(mean, std)} on a contiguous float32 tensor of {@code out.length} elements. */
    public synchronized void normal(float[] out, double mean, double std) {
        checkStd(std);
        if (out.length >= NormalFill.BLOCK) {
            NormalFill.fill(out, (float) mean, (float) std, engine);
            return;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) nextSerialNormal(mean, std);
        }
    }

    /** {@code normal_(mean, std)} on a contiguous float64 tensor of {@code out.length} elements. */
    public synchronized void normal(double[] out, double mean, double std) {
        checkStd(std);
        if (out.length >= NormalFill.BLOCK) {
            NormalFill.fill(out, mean, std, engine);
            return;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = nextSerialNormal(mean, std);
        }
    }

    /** {@code uniform_(from, to)} on float32; {@code torch.rand} is {@code uniform(out, 0, 1)}. */
    public synchronized void uniform(float[] out, double from, double to) {
        checkUniformBounds(from, to, -Float.MAX_VALUE, Float.MAX_VALUE, "float", "Float");
        // ATen narrows the bounds to float first and works in float throughout; in the AVX2 build
        // GCC fuses u * (to - from) + from into one FMA, so the product is not rounded on its own.
        float low = (float) from;
        float width = (float) to - low;
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.fma(Uniform.nextFloat(engine), width, low);
        }
    }

    /** {@code uniform_(from, to)} on float64. */
    public synchronized void uniform(double[] out, double from, double to) {
        checkUniformBounds(from, to, -Double.MAX_VALUE, Double.MAX_VALUE, "double", "Double");
        double width = to - from;
        // Fused for the same reason as the float version.
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.fma(Uniform.nextDouble(engine), width, from);
        }
    }

    /**
     * {@code bernoulli_(p)} on a contiguous CPU tensor without MKL (Debian's build): one 53-bit
     * uniform per element, serially, 1 where it is below p (at::bernoulli_distribution<double>).
     */
    public synchronized void bernoulli(double[] out, double p) {
        for (int i = 0; i < out.length; i++) {
            out[i] = Uniform.nextDouble(engine) < p ? 1 : 0;
        }
    }

    /** {@code torch.randint(low, high, ...)} / {@code random_(low, high)} on int64. */
    public synchronized void randint(long[] out, long low, long high) {
        if (low >= high) {
            throw new IllegalArgumentException("random_ expects 'from' to be less than 'to', but got from="
                    + low + " >= to=" + high);
        }
        // The width is taken as unsigned 64-bit: high - low may exceed Long.MAX_VALUE.
        long range = high - low;
        boolean wide = Long.compareUnsigned(range, 1L << 32) >= 0;
        for (int i = 0; i < out.length; i++) {
            long bits = wide ? engine.nextLong() : Integer.toUnsignedLong(engine.nextInt());
            out[i] = Long.remainderUnsigned(bits, range) + low;
        }
    }

    /** {@code torch.randperm(n)} on CPU: ATen 1.13's Fisher-Yates variant, one 32-bit draw per swap. */
    public synchronized long[] randperm(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("Trying to create tensor with negative dimension " + n + ": [" + n + "]");
        }
        var perm = new long[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = 0; i < n - 1; i++) {
            int swapWith = i + (int) (Integer.toUnsignedLong(engine.nextInt()) % (n - i));
            long saved = perm[i];
            perm[i] = perm[swapWith];
            perm[swapWith] = saved;
        }
        return perm;
    }

    @Override
    public String toString() {
        return "<dev.jautograd.random.Generator at 0x" + Integer.toHexString(System.identityHashCode(this)) + ">";
    }

    /**
     * One draw of {@code at::normal_distribution<double>}, used for tensors under 16 elements
     * whatever their dtype: Box-Muller on two 53-bit uniforms, returning r*cos and caching r*sin.
     * The cache is shared by float and double tensors because both go through the double version.
     * {@code transformation::normal}'s {@code value * std + mean} is fused into an FMA by GCC.
     */
    private double nextSerialNormal(double mean, double std) {
        if (hasCachedNormal) {
            hasCachedNormal = false;
            return Math.fma(cachedNormal, std, mean);
        }
        double u1 = Uniform.nextDouble(engine);
        double u2 = Uniform.nextDouble(engine);
        double radius = Math.sqrt(-2.0 * LibmDouble.log(1.0 - u2));
        double theta = 2.0 * Math.PI * u1;
        cachedNormal = radius * LibmDouble.sin(theta);
        hasCachedNormal = true;
        return Math.fma(radius * LibmDouble.cos(theta), std, mean);
    }

    private static void checkStd(double std) {
        if (!(std >= 0.0)) {
            throw new IllegalArgumentException("normal expects std >= 0.0, but found std " + CppFormat.of(std));
        }
    }

    private static void checkUniformBounds(double from, double to, double min, double max,
                                           String dtype, String typeName) {
        if (!(from >= min && from <= max)) {
            throw new IllegalArgumentException("from is out of bounds for " + dtype);
        }
        if (!(to >= min && to <= max)) {
            throw new IllegalArgumentException("to is out of bounds for " + dtype);
        }
        if (!(from <= to)) {
            throw new IllegalArgumentException("uniform_ expects to return a [from, to) range, but found from="
                    + CppFormat.of(from) + " > to=" + CppFormat.of(to));
        }
        if (!(to - from <= max)) {
            throw new IllegalArgumentException("uniform_ expects to-from <= std::numeric_limits<" + typeName
                    + ">::max(), but found to=" + CppFormat.of(to) + " and from=" + CppFormat.of(from)
                    + " which result in to-from to exceed the limit");
        }
    }
}

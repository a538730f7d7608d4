package dev.jautograd.kernels;

/**
 * The gate to {@link VectorMath}, which uses the incubating Vector API. Only this class may
 * mention it: VectorMath is loaded only when the JVM was started with
 * {@code --add-modules jdk.incubator.vector}, so the library loads and runs without the flag.
 */
final class Vectorized {
    private static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("jautograd.noVector");

    private Vectorized() {}

    static boolean available() {
        return AVAILABLE;
    }

    /** Runs {@code f} over the range with SIMD if it has a vector form here; false if the caller must. */
    static boolean dense(FloatFunction f, float[] x, int ox, float[] r, int or, int len) {
        if (!AVAILABLE) return false;
        switch (f) {
            case EXP -> VectorMath.exp(x, ox, r, or, len);
            case SIGMOID -> VectorMath.sigmoid(x, ox, r, or, len);
            default -> {
                return false;
            }
        }
        return true;
    }
}

package dev.jautograd.random;

/**
 * ATen's {@code transformation::uniform_real} on [0, 1): the low 24 bits of one 32-bit
 * draw for float, the low 53 bits of one 64-bit draw for double, times 2^-bits. The
 * result is exact in the target type, so there is no rounding to reproduce.
 */
final class Uniform {
    private static final int FLOAT_MASK = (1 << 24) - 1;
    private static final float FLOAT_SCALE = 0x1p-24f;
    private static final long DOUBLE_MASK = (1L << 53) - 1;
    private static final double DOUBLE_SCALE = 0x1p-53;

    private Uniform() {
    }

    static float nextFloat(Mt19937 engine) {
        return (engine.nextInt() & FLOAT_MASK) * FLOAT_SCALE;
    }

    static double nextDouble(Mt19937 engine) {
        return (engine.nextLong() & DOUBLE_MASK) * DOUBLE_SCALE;
    }
}

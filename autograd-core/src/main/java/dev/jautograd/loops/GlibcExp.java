package dev.jautograd.loops;

/**
 * glibc's {@code expf} (sysdeps/ieee754/flt-32/e_expf.c, from ARM's optimized-routines), which
 * PyTorch's scalar loops reach through {@code std::exp}: in double, 2^(k/32) from a table times a
 * cubic in the remainder, rounded once to float. It is not correctly rounded (on about 6 in 10⁴
 * inputs it differs from (float) Math.exp), so this reproduces it; checked equal to the system
 * libm on 3·10⁵ inputs.
 */
final class GlibcExp {
    private static final int N = 32;
    private static final double[] TABLE = new double[N];
    private static final double SHIFT = 0x1.8p+52;
    private static final double INV_LN2_N = 0x1.71547652b82fep+0 * N;
    private static final double C0 = 0x1.c6af84b912394p-5 / N / N / N;
    private static final double C1 = 0x1.ebfce50fac4f3p-3 / N / N;
    private static final double C2 = 0x1.62e42ff0c52d6p-1 / N;

    static {
        for (int i = 0; i < N; i++) TABLE[i] = Math.pow(2, i / (double) N);
    }

    private GlibcExp() {}

    static float exp(float x) {
        if (Float.isNaN(x)) return x;
        if (x > 0x1.62e42ep6f) return Float.POSITIVE_INFINITY;
        if (x < -0x1.9fe368p6f) return 0f;
        double z = INV_LN2_N * x;
        double kd = z + SHIFT; // rounds z to an integer, ties to even
        long k = Double.doubleToRawLongBits(kd) - Double.doubleToRawLongBits(SHIFT);
        kd -= SHIFT;
        double r = z - kd;
        int i = (int) (k & (N - 1));
        double s = Math.scalb(TABLE[i], (int) Math.floorDiv(k, N));
        double y = (C0 * r + C1) * (r * r) + (C2 * r + 1);
        return (float) (y * s);
    }
}

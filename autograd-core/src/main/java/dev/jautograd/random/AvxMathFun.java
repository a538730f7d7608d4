package dev.jautograd.random;

/**
 * Scalar, bit-exact replicas of the single-precision {@code log256_ps} and
 * {@code sincos256_ps} from ATen's avx_mathfun.h (Cephes polynomials, after Julien
 * Pommier's sse_mathfun), which PyTorch's AVX2 kernel uses for float {@code normal_}
 * on 16 or more contiguous elements. They are not libm's logf/sinf/cosf and differ
 * from them in the last bits, so matching PyTorch means redoing these exact steps.
 *
 * <p>The kernel is built with -mavx2 -mfma and GCC's default -ffp-contract=fast, so
 * every multiply whose only use is an add was fused into one FMA; {@link Math#fma}
 * reproduces those single roundings. The constants are C double literals narrowed to
 * float, hence the {@code (float)} casts rather than {@code f} suffixes.
 */
final class AvxMathFun {
    private static final float SQRTHF = (float) 0.707106781186547524;
    private static final float[] LOG_POLY = {
        (float) 7.0376836292E-2, (float) -1.1514610310E-1, (float) 1.1676998740E-1,
        (float) -1.2420140846E-1, (float) 1.4249322787E-1, (float) -1.6668057665E-1,
        (float) 2.0000714765E-1, (float) -2.4999993993E-1, (float) 3.3333331174E-1,
    };
    private static final float LOG_Q1 = (float) -2.12194440e-4;
    private static final float LOG_Q2 = (float) 0.693359375;

    private static final float FOUR_OVER_PI = (float) 1.27323954473516;
    private static final float MINUS_DP1 = (float) -0.78515625;
    private static final float MINUS_DP2 = (float) -2.4187564849853515625e-4;
    private static final float MINUS_DP3 = (float) -3.77489497744594108e-8;
    private static final float SIN_P0 = (float) -1.9515295891E-4;
    private static final float SIN_P1 = (float) 8.3321608736E-3;
    private static final float SIN_P2 = (float) -1.6666654611E-1;
    private static final float COS_P0 = (float) 2.443315711809948E-005;
    private static final float COS_P1 = (float) -1.388731625493765E-003;
    private static final float COS_P2 = (float) 4.166664568298827E-002;

    private AvxMathFun() {
    }

    /** {@code log256_ps} for one lane; valid for positive normal and subnormal x (NaN for x <= 0). */
    static float log(float x) {
        boolean invalid = x <= 0f;
        x = Math.max(x, Float.MIN_NORMAL);
        int bits = Float.floatToRawIntBits(x);
        // Split x = m * 2^e with m in [0.5, 1) by overwriting the exponent field with that of 0.5.
        float e = (float) ((bits >>> 23) - 0x7f) + 1f;
        x = Float.intBitsToFloat((bits & ~0x7f800000) | Float.floatToRawIntBits(0.5f));
        // Cephes: if m < sqrt(1/2), use 2m and e - 1 so that the polynomial argument stays in [-0.29, 0.41].
        boolean small = x < SQRTHF;
        float tmp = small ? x : 0f;
        x = x - 1f;
        e = e - (small ? 1f : 0f);
        x = x + tmp;
        float z = x * x;
        float y = LOG_POLY[0];
        for (int k = 1; k < LOG_POLY.length; k++) {
            y = Math.fma(y, x, LOG_POLY[k]);
        }
        y = y * x;
        y = Math.fma(y, z, e * LOG_Q1);
        y = Math.fma(z, -0.5f, y);
        x = x + y;
        x = Math.fma(e, LOG_Q2, x);
        return invalid ? Float.NaN : x;
    }

    /** The cosine half of {@code sincos256_ps}. */
    static float cos(float x) {
        int octant = octant(x);
        float r = reduce(x, octant);
        // Cosine changes sign in octants 2..5 after the even rounding of j: (j - 2) & 4.
        boolean negate = ((octant - 2) & 4) == 0;
        float value = (octant & 2) == 0 ? cosPolynomial(r) : sinPolynomial(r);
        return negate ? -value : value;
    }

    /** The sine half of {@code sincos256_ps}. */
    static float sin(float x) {
        int octant = octant(x);
        float r = reduce(x, octant);
        boolean negate = (Float.floatToRawIntBits(x) < 0) ^ ((octant & 4) != 0);
        float value = (octant & 2) == 0 ? sinPolynomial(r) : cosPolynomial(r);
        return negate ? -value : value;
    }

    /** Cephes' j = (int)(|x| * 4/pi), rounded up to even so that |x| - j*pi/4 lies in [-pi/4, pi/4]. */
    private static int octant(float x) {
        int j = (int) (Math.abs(x) * FOUR_OVER_PI);
        return (j + 1) & ~1;
    }

    /** |x| - j*pi/4 with pi/4 split in three parts (DP1 + DP2 + DP3) so the subtraction stays exact-ish. */
    private static float reduce(float x, int octant) {
        float j = (float) octant;
        float r = Math.abs(x);
        r = Math.fma(j, MINUS_DP1, r);
        r = Math.fma(j, MINUS_DP2, r);
        return Math.fma(j, MINUS_DP3, r);
    }

    private static float cosPolynomial(float r) {
        float z = r * r;
        float y = Math.fma(COS_P0, z, COS_P1);
        y = Math.fma(y, z, COS_P2);
        y = y * z;
        y = Math.fma(y, z, -(z * 0.5f));
        return y + 1f;
    }

    private static float sinPolynomial(float r) {
        float z = r * r;
        float y = Math.fma(SIN_P0, z, SIN_P1);
        y = Math.fma(y, z, SIN_P2);
        y = y * z;
        return Math.fma(y, r, r);
    }
}

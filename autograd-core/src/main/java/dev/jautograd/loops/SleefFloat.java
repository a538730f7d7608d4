package dev.jautograd.loops;

/**
 * Sleef 3.5's {@code tanhf_u10} and {@code logf_u10} (sleefsimdsp.c with df.h's fused
 * multiply-add double-float arithmetic, as the AVX2 build that PyTorch's
 * {@code Vectorized<float>::tanh} and {@code ::log} call), lane by lane with the same float
 * operations, so the same bits: checked against torch.tanh and torch.log (SleefFloatTest). Both
 * are within 1 ulp but not always correctly rounded, so (float) Math.tanh differs from PyTorch
 * on about 2 inputs in 1000. A value is a pair hi + lo of floats ({@code vfloat2}).
 */
final class SleefFloat {
    private static final float R_LN2 = 1.442695040888963407359924681001892137426645954152985934135449406931f;
    private static final float L2U = 0.693145751953125f;
    private static final float L2L = 1.428606765330187045e-06f;

    private SleefFloat() {}

    private record F2(float x, float y) {}

    static float tanh(float x) {
        float a = Math.abs(x);
        F2 d = expk2(new F2(a, 0));
        F2 e = rec(d);
        d = div(add(d, new F2(-e.x, -e.y)), add(d, e));
        float y = d.x + d.y;
        if (a > 8.664339742f || Float.isNaN(y)) y = 1.0f;
        y = Math.copySign(y, x);
        return Float.isNaN(x) ? Float.NaN : y;
    }

    static float log(float d) {
        boolean tiny = d < Float.MIN_NORMAL;
        if (tiny) d *= (float) (1L << 32) * (float) (1L << 32);
        int e = ilogb2k(d * (1.0f / 0.75f));
        float m = Float.intBitsToFloat(Float.floatToRawIntBits(d) + (-e << 23));
        if (tiny) e -= 64;
        F2 s = mul(new F2(0.69314718246459960938f, -1.904654323148236017e-09f), (float) e);
        F2 x = div(add2(-1, m), add2(1, m));
        float x2 = x.x * x.x;
        float t = 0.3027294874e+0f;
        t = Math.fma(t, x2, 0.3996108174e+0f);
        t = Math.fma(t, x2, 0.6666694880e+0f);
        s = add(s, new F2(x.x * 2, x.y * 2));
        s = add(s, x2 * x.x * t);
        float r = s.x + s.y;
        if (d == Float.POSITIVE_INFINITY) r = Float.POSITIVE_INFINITY;
        if (d < 0 || Float.isNaN(d)) r = Float.NaN;
        if (d == 0) r = Float.NEGATIVE_INFINITY;
        return r;
    }

    private static int ilogb2k(float d) {
        return ((Float.floatToRawIntBits(d) >>> 23) & 0xff) - 0x7f;
    }

    private static F2 expk2(F2 d) {
        float u = (d.x + d.y) * R_LN2;
        int q = (int) Math.rint(u); // cvtps2dq: round half even
        F2 s = add2(d, q * -L2U);
        s = add2(s, q * -L2L);
        u = 0.1980960224e-3f;
        u = Math.fma(u, s.x, 0.1394256484e-2f);
        u = Math.fma(u, s.x, 0.8333456703e-2f);
        u = Math.fma(u, s.x, 0.4166637361e-1f);
        F2 t = add2(mul(s, u), 0.166666659414234244790680580464e+0f);
        t = add2(mul(s, t), 0.5f);
        t = add2(s, mul(squ(s), t));
        t = add(1, t);
        float tx = ldexp2(t.x, q), ty = ldexp2(t.y, q);
        if (d.x < -104) return new F2(0, 0);
        return new F2(tx, ty);
    }

    private static float ldexp2(float d, int e) {
        return d * pow2i(e >> 1) * pow2i(e - (e >> 1));
    }

    private static float pow2i(int q) {
        return Float.intBitsToFloat((q + 0x7f) << 23);
    }

    /** dfadd2_vf2_vf_vf */
    private static F2 add2(float x, float y) {
        float s = x + y, v = s - x;
        return new F2(s, (x - (s - v)) + (y - v));
    }

    /** dfadd2_vf2_vf2_vf */
    private static F2 add2(F2 x, float y) {
        float s = x.x + y, v = s - x.x;
        float t = (x.x - (s - v)) + (y - v);
        return new F2(s, t + x.y);
    }

    /** dfadd2_vf2_vf2_vf2 */
    private static F2 add2(F2 x, F2 y) {
        float s = x.x + y.x, v = s - x.x;
        float t = (x.x - (s - v)) + (y.x - v);
        return new F2(s, t + (x.y + y.y));
    }

    /** dfadd_vf2_vf_vf2 */
    private static F2 add(float x, F2 y) {
        float s = x + y.x;
        return new F2(s, ((x - s) + y.x) + y.y);
    }

    /** dfadd_vf2_vf2_vf */
    private static F2 add(F2 x, float y) {
        float s = x.x + y;
        return new F2(s, ((x.x - s) + y) + x.y);
    }

    /** dfadd_vf2_vf2_vf2 (|x| >= |y|) */
    private static F2 add(F2 x, F2 y) {
        float s = x.x + y.x;
        return new F2(s, (((x.x - s) + y.x) + x.y) + y.y);
    }

    /** dfmul_vf2_vf2_vf */
    private static F2 mul(F2 x, float y) {
        float s = x.x * y;
        return new F2(s, Math.fma(x.y, y, Math.fma(x.x, y, -s)));
    }

    /** dfmul_vf2_vf2_vf2 */
    private static F2 mul(F2 x, F2 y) {
        float s = x.x * y.x;
        return new F2(s, Math.fma(x.x, y.y, Math.fma(x.y, y.x, Math.fma(x.x, y.x, -s))));
    }

    /** dfsqu_vf2_vf2 */
    private static F2 squ(F2 x) {
        float s = x.x * x.x;
        return new F2(s, Math.fma(x.x + x.x, x.y, Math.fma(x.x, x.x, -s)));
    }

    /** dfrec_vf2_vf2 */
    private static F2 rec(F2 d) {
        float s = 1.0f / d.x;
        return new F2(s, s * Math.fma(-d.y, s, Math.fma(-d.x, s, 1)));
    }

    /** dfdiv_vf2_vf2_vf2 */
    private static F2 div(F2 n, F2 d) {
        float t = 1.0f / d.x;
        float s = n.x * t;
        float u = Math.fma(t, n.x, -s);
        float v = Math.fma(-d.y, t, Math.fma(-d.x, t, 1));
        return new F2(s, Math.fma(s, v, Math.fma(n.y, t, u)));
    }
}

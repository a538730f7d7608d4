package dev.jautograd.loops;

/**
 * Sleef's {@code expf_u10} (the AVX2 build's {@code Vectorized<float>::exp}, which PyTorch's
 * CPU softmax and float32 exp use), lane by lane: the same float operations and fused
 * multiply-adds, so the same bits (checked against torch.exp on 3·10⁵ inputs). It is within
 * 1 ulp of e^x but not always correctly rounded, which is why a correctly rounded exp makes
 * softmax differ from PyTorch's in the last bit.
 */
final class SleefExp {
    private static final float R_LN2 = 1.442695040888963407359924681001892137426645954152985934135449406931f;
    private static final float L2U = 0.693145751953125f;
    private static final float L2L = 1.428606765330187045e-06f;

    private SleefExp() {}

    static float exp(float d) {
        int q = (int) Math.rint(d * R_LN2); // round half even, as cvtps2dq
        float s = Math.fma(q, -L2U, d);
        s = Math.fma(q, -L2L, s);
        float u = 0.000198527617612853646278381f;
        u = Math.fma(u, s, 0.00139304355252534151077271f);
        u = Math.fma(u, s, 0.00833336077630519866943359f);
        u = Math.fma(u, s, 0.0416664853692054748535156f);
        u = Math.fma(u, s, 0.166666671633720397949219f);
        u = Math.fma(u, s, 0.5f);
        u = 1.0f + Math.fma(s * s, u, s);
        u = u * pow2(q >> 1) * pow2(q - (q >> 1));
        if (d < -104) u = 0;
        if (100 < d) u = Float.POSITIVE_INFINITY;
        return u;
    }

    private static float pow2(int q) {
        return Float.intBitsToFloat((q + 0x7f) << 23);
    }
}

package dev.jautograd.loops;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD exp and sigmoid for float32 (sums: {@link VectorSum}), reached only through {@link Vectorized}. exp and sigmoid
 * run Sleef's expf_u10 on 8 lanes with the scalar {@link SleefExp}'s float operations and fused
 * multiply-adds, so both give the same bits as it (and as PyTorch's Vectorized&lt;float&gt;::exp).
 */
final class VectorMath {

    private VectorMath() {}

    /** Sleef's expf_u10 on every element, 8 lanes at a time ({@link #sleefExpInto}), the rest by {@link SleefExp}. */
    static void exp(float[] x, int ox, float[] r, int or, int len) {
        int i = SIXTEEN_LANES ? exp16(x, ox, r, or, len) : 0;
        for (int bound = AVX2_FLOATS.loopBound(len); i < bound; i += AVX2_FLOATS.length()) {
            sleefExpInto(load(x, ox + i), r, or + i);
        }
        for (; i < len; i++) r[or + i] = SleefExp.exp(x[ox + i]);
    }

    /**
     * Whether exp runs 16 lanes ({@link #exp16}): where AVX-512 is native and the JDK is 25 or
     * later. Every lane is computed alone, so 16 lanes give PyTorch's 8-lane bits; exp of 10^7
     * floats on one thread took 2.1-2.4 ms against 4.0-4.1 ms on 8 lanes (JDK 25, measured). Not on
     * JDK 17: once Vector API code has run on two species in one JVM, its C2 inlines their
     * operations by a bimorphic type profile and boxes the vectors where the branches merge, and
     * every SIMD kernel, 8-lane ones included, ran 10-50x slower (measured; docs/performance.md).
     */
    static final boolean SIXTEEN_LANES = FloatVector.SPECIES_PREFERRED.length() >= 16
            && Runtime.version().feature() >= 25;
    private static final VectorSpecies<Float> S16 = FloatVector.SPECIES_512;

    /**
     * {@link #sleefExpInto}'s operations on 16 lanes over the whole 16-float vectors of [0, len);
     * returns where the rest starts. Spelled out in the loop: no vector crosses a call.
     */
    static int exp16(float[] x, int ox, float[] r, int or, int len) {
        int i = 0;
        for (int bound = S16.loopBound(len); i < bound; i += S16.length()) {
            FloatVector d = FloatVector.fromArray(S16, x, ox + i);
            FloatVector shifted = d.mul(R_LN2).add(ROUNDER);
            FloatVector qf = shifted.sub(ROUNDER);
            IntVector q = shifted.reinterpretAsInts().sub(Float.floatToRawIntBits(ROUNDER));
            FloatVector s = qf.fma(FloatVector.broadcast(S16, -0.693145751953125f), d);
            s = qf.fma(FloatVector.broadcast(S16, -1.428606765330187045e-06f), s);
            FloatVector u = FloatVector.broadcast(S16, 0.000198527617612853646278381f);
            u = u.fma(s, FloatVector.broadcast(S16, 0.00139304355252534151077271f));
            u = u.fma(s, FloatVector.broadcast(S16, 0.00833336077630519866943359f));
            u = u.fma(s, FloatVector.broadcast(S16, 0.0416664853692054748535156f));
            u = u.fma(s, FloatVector.broadcast(S16, 0.166666671633720397949219f));
            u = u.fma(s, FloatVector.broadcast(S16, 0.5f));
            u = s.mul(s).fma(u, s).add(1f);
            if (d.abs().lt(87f).allTrue()) {
                u.mul(pow2(q)).intoArray(r, or + i);
            } else {
                IntVector half = q.lanewise(VectorOperators.ASHR, 1);
                u = u.mul(pow2(half)).mul(pow2(q.sub(half)));
                u.blend(0f, d.lt(-104f)).blend(Float.POSITIVE_INFINITY, d.compare(VectorOperators.GT, 100f))
                        .intoArray(r, or + i);
            }
        }
        return i;
    }

    /** 1 / (1 + e^-x) in float with Sleef's exp: PyTorch's vector loop of sigmoid. */
    static void sigmoid(float[] x, int ox, float[] r, int or, int len) {
        int i = 0;
        for (int bound = AVX2_FLOATS.loopBound(len); i < bound; i += AVX2_FLOATS.length()) {
            sleefExpInto(load(x, ox + i).neg(), r, or + i); // e^-x, read back next (store-to-load forwarding)
            splat(1f).div(load(r, or + i).add(1f)).intoArray(r, or + i);
        }
        for (; i < len; i++) r[or + i] = 1f / (1f + SleefExp.exp(-x[ox + i]));
    }

    /**
     * e = exp(x - shift) into r and Σ e in {@code vec::reduce_all}'s order (one vector
     * accumulator, the tail into its first lanes), in one pass while the row is in L1: softmax's
     * and log_softmax's exp-and-sum. The loop lives here, beside {@link #sleefExp}, because a
     * vector handed to a call C2 does not inline is boxed. {@code len} is at least 8. A vector
     * of a row's x - max within ±87 (every vector of a classroom's logits) takes
     * {@link #sleefExpNear}, the same bits with a quarter fewer operations: the rows of 1000
     * floats 0.60 -> 0.48 ns an element (one thread, in cache, measured). Each branch stores and
     * adds its own vector (JDK 17's C2 boxes a vector merged from two branches).
     */
    static float expSum(float[] x, int ox, float shift, float[] r, int or, int len) {
        FloatVector sv = splat(shift), acc = FloatVector.zero(AVX2_FLOATS); // 0 + e is e: exps are never -0
        int i = 0;
        for (int bound = AVX2_FLOATS.loopBound(len); i < bound; i += AVX2_FLOATS.length()) {
            FloatVector d = load(x, ox + i).sub(sv);
            if (d.abs().lt(87f).allTrue()) {
                FloatVector e = sleefExpNear(d);
                e.intoArray(r, or + i);
                acc = acc.add(e);
            } else {
                FloatVector e = sleefExp(d);
                e.intoArray(r, or + i);
                acc = acc.add(e);
            }
        }
        float[] lanes = acc.toArray();
        for (int l = 0; i + l < len; l++) {
            r[or + i + l] = SleefExp.exp(x[ox + i + l] - shift);
            lanes[l] += r[or + i + l];
        }
        return SoftmaxKernel.combineLanes(lanes);
    }

    /**
     * r = g - exp(y) · s, one fused multiply-add as GCC compiles it: log_softmax's gradient in one
     * pass. y is a log-probability: within ±87 it takes {@link #sleefExpNear} (the same bits).
     */
    static void gradMinusExpTimes(float[] g, int og, float[] y, int oy, float s, float[] r, int or, int len) {
        FloatVector sv = splat(s);
        int i = 0;
        for (int bound = AVX2_FLOATS.loopBound(len); i < bound; i += AVX2_FLOATS.length()) {
            FloatVector d = load(y, oy + i);
            if (d.abs().lt(87f).allTrue()) sleefExpNear(d).neg().fma(sv, load(g, og + i)).intoArray(r, or + i);
            else sleefExp(d).neg().fma(sv, load(g, og + i)).intoArray(r, or + i);
        }
        for (; i < len; i++) r[or + i] = Math.fma(-SleefExp.exp(y[oy + i]), s, g[og + i]);
    }

    private static final float R_LN2 = 1.442695040888963407359924681001892137426645954152985934135449406931f;
    /** x + 1.5·2²³ - 1.5·2²³ rounds x to an integer, ties to even (cvtps2dq), for |x| < 2²²: every lane whose result is used. */
    private static final float ROUNDER = 0x1.8p23f;

    /**
     * {@link SleefExp#exp} of 8 lanes into r[at, at+8), for exp and sigmoid. When every |d| < 87
     * (q within ±126, so 2^q is a normal float, and neither cut-off applies), u · 2^q in one
     * product gives the bits of Sleef's u · 2^(q/2) · 2^(q-q/2): both round the same exact
     * product once (checked on all 2^32 floats). That branch skips a quarter of the operations
     * (exp of 10^7 floats on one thread under load: 5.1 -> 4.8 ms on JDK 17, 4.5 -> 3.9 ms on
     * JDK 25, measured). Each branch stores its own result: JDK 17's C2 boxes a vector merged
     * from two branches. The softmax rows' exp passes ({@link #expSum}, {@link #gradMinusExpTimes})
     * take the same branch through {@link #sleefExpNear}: each pass is now a compiled unit of its
     * own, called by the row (VectorSoftmax), so the branch no longer pushes a whole row past
     * C2's node limit (NodeCountInliningCutoff), which had boxed the rest of the row, 4x slower.
     */
    private static void sleefExpInto(FloatVector d, float[] r, int at) {
        FloatVector shifted = d.mul(R_LN2).add(ROUNDER);
        FloatVector qf = shifted.sub(ROUNDER);
        IntVector q = shifted.reinterpretAsInts().sub(Float.floatToRawIntBits(ROUNDER));
        FloatVector s = qf.fma(splat(-0.693145751953125f), d);
        s = qf.fma(splat(-1.428606765330187045e-06f), s);
        FloatVector u = splat(0.000198527617612853646278381f);
        u = u.fma(s, splat(0.00139304355252534151077271f));
        u = u.fma(s, splat(0.00833336077630519866943359f));
        u = u.fma(s, splat(0.0416664853692054748535156f));
        u = u.fma(s, splat(0.166666671633720397949219f));
        u = u.fma(s, splat(0.5f));
        u = s.mul(s).fma(u, s).add(1f);
        if (d.abs().lt(87f).allTrue()) {
            u.mul(pow2(q)).intoArray(r, at);
        } else {
            IntVector half = q.lanewise(VectorOperators.ASHR, 1);
            u = u.mul(pow2(half)).mul(pow2(q.sub(half)));
            u.blend(0f, d.lt(-104f)).blend(Float.POSITIVE_INFINITY, d.compare(VectorOperators.GT, 100f)).intoArray(r, at);
        }
    }

    /**
     * {@link SleefExp#exp} on 8 lanes: the same float operations and fused multiply-adds. The
     * operations of {@link #sleefExpInto} spelled out again rather than shared through a helper:
     * each helper is one more call C2 must inline, or the vectors crossing it are boxed.
     */
    private static FloatVector sleefExp(FloatVector d) {
        FloatVector shifted = d.mul(R_LN2).add(ROUNDER);
        FloatVector qf = shifted.sub(ROUNDER);
        // the integer sits in the low mantissa bits of the shifted sum: no float-to-int conversion
        IntVector q = shifted.reinterpretAsInts().sub(Float.floatToRawIntBits(ROUNDER));
        FloatVector s = qf.fma(splat(-0.693145751953125f), d);
        s = qf.fma(splat(-1.428606765330187045e-06f), s);
        FloatVector u = splat(0.000198527617612853646278381f);
        u = u.fma(s, splat(0.00139304355252534151077271f));
        u = u.fma(s, splat(0.00833336077630519866943359f));
        u = u.fma(s, splat(0.0416664853692054748535156f));
        u = u.fma(s, splat(0.166666671633720397949219f));
        u = u.fma(s, splat(0.5f));
        u = s.mul(s).fma(u, s).add(1f);
        IntVector half = q.lanewise(VectorOperators.ASHR, 1);
        u = u.mul(pow2(half)).mul(pow2(q.sub(half)));
        u = u.blend(0f, d.lt(-104f));
        return u.blend(Float.POSITIVE_INFINITY, d.compare(VectorOperators.GT, 100f));
    }

    /**
     * {@link #sleefExp} of lanes all within ±87: q within ±126, so u · 2^q in one product (a
     * normal 2^q) rounds the same exact product once as Sleef's two, and no cut-off applies
     * (the bits of {@link #sleefExpInto}'s first branch).
     */
    private static FloatVector sleefExpNear(FloatVector d) {
        FloatVector shifted = d.mul(R_LN2).add(ROUNDER);
        FloatVector qf = shifted.sub(ROUNDER);
        IntVector q = shifted.reinterpretAsInts().sub(Float.floatToRawIntBits(ROUNDER));
        FloatVector s = qf.fma(splat(-0.693145751953125f), d);
        s = qf.fma(splat(-1.428606765330187045e-06f), s);
        FloatVector u = splat(0.000198527617612853646278381f);
        u = u.fma(s, splat(0.00139304355252534151077271f));
        u = u.fma(s, splat(0.00833336077630519866943359f));
        u = u.fma(s, splat(0.0416664853692054748535156f));
        u = u.fma(s, splat(0.166666671633720397949219f));
        u = u.fma(s, splat(0.5f));
        return s.mul(s).fma(u, s).add(1f).mul(pow2(q));
    }

    private static FloatVector splat(float c) {
        return FloatVector.broadcast(AVX2_FLOATS, c);
    }

    private static FloatVector pow2(IntVector q) {
        return q.add(0x7f).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    }

    private static final VectorSpecies<Float> AVX2_FLOATS = FloatVector.SPECIES_256;

    private static FloatVector load(float[] a, int at) {
        return FloatVector.fromArray(AVX2_FLOATS, a, at);
    }
}

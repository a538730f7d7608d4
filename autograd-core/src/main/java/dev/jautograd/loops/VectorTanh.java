package dev.jautograd.loops;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SleefFloat#tanh} (Sleef's tanhf_u10, what PyTorch's float32 tanh runs) on 8 lanes with
 * the same float operations and fused multiply-adds, so the same bits; reached only through
 * {@link Vectorized}. The double-float pairs of SleefFloat are spelled out as hi/lo variables.
 */
final class VectorTanh {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final int W = 8;
    private static final float R_LN2 = 1.442695040888963407359924681001892137426645954152985934135449406931f;
    /** x + 1.5·2²³ - 1.5·2²³ rounds to an integer, ties to even (cvtps2dq), for |x| < 2²²: every used lane. */
    private static final float ROUNDER = 0x1.8p23f;

    private VectorTanh() {}

    /** Elements per pass: the two passes' pairs stay in the L1 cache between them. */
    private static final int CHUNK = 512;

    /**
     * r[or+i] = tanh(x[ox+i]) for i in [0, len): 8 lanes at a time, the rest by the scalar
     * SleefFloat. Four passes over chunks, the values between them in arrays, because C2
     * handles neither form of one step well: a vector passed to a call it does not inline is
     * boxed, and a method past C2's node limit (NodeCountInliningCutoff) leaves its last Vector
     * API calls un-inlined, boxing every vector that crosses them. In two passes, as before,
     * the first still passed it: 67 KB allocated and 7 µs per 1000 floats, against only the
     * scratch arrays (8 KB) and 3 µs in four (measured under load; bits unchanged).
     */
    static void tanh(float[] x, int ox, float[] r, int or, int len) {
        int vectorLen = S.loopBound(len);
        float[] hi = new float[Math.min(CHUNK, vectorLen)], lo = new float[hi.length];
        float[] p1 = new float[hi.length], p2 = new float[hi.length];
        for (int from = 0; from < vectorLen; from += CHUNK) {
            int n = Math.min(CHUNK, vectorLen - from);
            reduce(x, ox + from, n, hi, lo, p1, p2);
            expPair(n, hi, lo);
            scale(n, hi, lo, p1, p2);
            finish(x, ox + from, n, hi, lo, r, or + from);
        }
        for (int i = vectorLen; i < len; i++) r[or + i] = SleefFloat.tanh(x[ox + i]);
    }

    /**
     * The first part of Sleef's expk2((|x|, 0)), n a multiple of 8: q = rint(|x| / ln 2), kept as
     * 2^q = p1·p2 (the integer vectors stay in this pass: carried to another one through an int
     * array, they were boxed), and the reduced argument s = |x| - q·ln 2 as a pair (hi, lo).
     */
    private static void reduce(float[] x, int ox, int n, float[] hi, float[] lo, float[] p1, float[] p2) {
        for (int i = 0; i < n; i += W) {
            FloatVector a = FloatVector.fromArray(S, x, ox + i).abs();
            // expk2((a, 0)): q = rint(a / ln 2), s = a - q·ln 2 as a pair (dfadd2 twice)
            FloatVector shifted = a.mul(R_LN2).add(ROUNDER), qf = shifted.sub(ROUNDER);
            IntVector q = shifted.reinterpretAsInts().sub(Float.floatToRawIntBits(ROUNDER));
            FloatVector y = qf.mul(-0.693145751953125f), sh = a.add(y), v = sh.sub(a);
            FloatVector sl = a.sub(sh.sub(v)).add(y.sub(v)).add(0f); // + the lo of (a, 0): turns -0 into +0 as Sleef's add does
            y = qf.mul(-1.428606765330187045e-06f);
            FloatVector s2 = sh.add(y);
            v = s2.sub(sh);
            sl = sh.sub(s2.sub(v)).add(y.sub(v)).add(sl);
            s2.intoArray(hi, i);
            sl.intoArray(lo, i);
            IntVector half = q.lanewise(VectorOperators.ASHR, 1);
            pow2(half).intoArray(p1, i);
            pow2(q.sub(half)).intoArray(p2, i);
        }
    }

    /** The middle of expk2: the polynomial in the pair (hi, lo) = s, in place. */
    private static void expPair(int n, float[] hi, float[] lo) {
        for (int i = 0; i < n; i += W) {
            FloatVector sh = FloatVector.fromArray(S, hi, i), sl = FloatVector.fromArray(S, lo, i), y, v;
            FloatVector u = splat(0.1980960224e-3f).fma(sh, splat(0.1394256484e-2f));
            u = u.fma(sh, splat(0.8333456703e-2f)).fma(sh, splat(0.4166637361e-1f));
            // t = add2(mul(s, u), 1/6); t = add2(mul(s, t), 0.5); t = add2(s, mul(squ(s), t)); t = add(1, t)
            FloatVector th = sh.mul(u), tl = sl.fma(u, sh.fma(u, th.neg()));
            y = th.add(0.166666659414234244790680580464e+0f);
            v = y.sub(th);
            tl = th.sub(y.sub(v)).add(splat(0.166666659414234244790680580464e+0f).sub(v)).add(tl);
            th = y;
            FloatVector mh = sh.mul(th);
            FloatVector ml = sh.fma(tl, sl.fma(th, sh.fma(th, mh.neg())));
            y = mh.add(0.5f);
            v = y.sub(mh);
            tl = mh.sub(y.sub(v)).add(splat(0.5f).sub(v)).add(ml);
            th = y;
            FloatVector qh = sh.mul(sh), ql = sh.add(sh).fma(sl, sh.fma(sh, qh.neg()));
            mh = qh.mul(th);
            ml = qh.fma(tl, ql.fma(th, qh.fma(th, mh.neg())));
            y = sh.add(mh);
            v = y.sub(sh);
            tl = sh.sub(y.sub(v)).add(mh.sub(v)).add(sl.add(ml));
            y.intoArray(hi, i);
            tl.intoArray(lo, i);
        }
    }

    /**
     * The end of expk2: 1 + the pair (hi, lo), times 2^q as the factors p1·p2, in place; a pass
     * of its own for the same node limit.
     */
    private static void scale(int n, float[] hi, float[] lo, float[] p1, float[] p2) {
        for (int i = 0; i < n; i += W) {
            FloatVector th = FloatVector.fromArray(S, hi, i), y = th.add(1f);
            FloatVector tl = splat(1f).sub(y).add(th).add(FloatVector.fromArray(S, lo, i));
            FloatVector f1 = FloatVector.fromArray(S, p1, i), f2 = FloatVector.fromArray(S, p2, i);
            y.mul(f1).mul(f2).intoArray(hi, i);
            tl.mul(f1).mul(f2).intoArray(lo, i);
        }
    }

    /** e = 1/d as a pair (dfrec), then (d - e) / (d + e) (dfadd, dfdiv), clamped, signed, NaN kept. */
    private static void finish(float[] x, int ox, int n, float[] hi, float[] lo, float[] r, int or) {
        for (int i = 0; i < n; i += W) {
            FloatVector x8 = FloatVector.fromArray(S, x, ox + i), a = x8.abs();
            FloatVector dh = FloatVector.fromArray(S, hi, i), dl = FloatVector.fromArray(S, lo, i), y;
            FloatVector eh = splat(1f).div(dh);
            FloatVector el = eh.mul(dl.neg().fma(eh, dh.neg().fma(eh, splat(1f))));
            FloatVector nh = dh.sub(eh), nl = dh.sub(nh).sub(eh).add(dl).sub(el);
            FloatVector ph = dh.add(eh), pl = dh.sub(ph).add(eh).add(dl).add(el);
            FloatVector rt = splat(1f).div(ph), rs = nh.mul(rt);
            FloatVector ru = rt.fma(nh, rs.neg());
            FloatVector rw = pl.neg().fma(rt, ph.neg().fma(rt, splat(1f)));
            y = rs.add(rs.fma(rw, nl.fma(rt, ru)));
            VectorMask<Float> one = a.compare(VectorOperators.GT, 8.664339742f).or(y.test(VectorOperators.IS_NAN));
            y = y.blend(1f, one);
            IntVector sign = x8.reinterpretAsInts().and(0x80000000);
            y = y.abs().reinterpretAsInts().or(sign).reinterpretAsFloats();
            y.blend(Float.NaN, x8.test(VectorOperators.IS_NAN)).intoArray(r, or + i);
        }
    }

    private static FloatVector splat(float c) {
        return FloatVector.broadcast(S, c);
    }

    private static FloatVector pow2(IntVector q) {
        return q.add(0x7f).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    }
}

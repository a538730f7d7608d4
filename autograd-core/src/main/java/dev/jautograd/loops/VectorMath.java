package dev.jautograd.loops;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD exp, sigmoid and sum for float32, reached only through {@link Vectorized}. exp and sigmoid
 * run Sleef's expf_u10 on 8 lanes with the scalar {@link SleefExp}'s float operations and fused
 * multiply-adds, so both give the same bits as it (and as PyTorch's Vectorized&lt;float&gt;::exp).
 */
final class VectorMath {

    private VectorMath() {}

    /** Sleef's expf_u10 on every element, 8 lanes at a time ({@link #sleefExp}), the rest by {@link SleefExp}. */
    static void exp(float[] x, int ox, float[] r, int or, int len) {
        int i = 0;
        for (int bound = AVX2_FLOATS.loopBound(len); i < bound; i += AVX2_FLOATS.length()) {
            sleefExp(load(x, ox + i)).intoArray(r, or + i);
        }
        for (; i < len; i++) r[or + i] = SleefExp.exp(x[ox + i]);
    }

    /** 1 / (1 + e^-x) in float with Sleef's exp: PyTorch's vector loop of sigmoid. */
    static void sigmoid(float[] x, int ox, float[] r, int or, int len) {
        int i = 0;
        for (int bound = AVX2_FLOATS.loopBound(len); i < bound; i += AVX2_FLOATS.length()) {
            FloatVector e = sleefExp(load(x, ox + i).neg());
            FloatVector.broadcast(AVX2_FLOATS, 1f).div(e.add(1f)).intoArray(r, or + i);
        }
        for (; i < len; i++) r[or + i] = 1f / (1f + SleefExp.exp(-x[ox + i]));
    }

    /**
     * e = exp(x - shift) into r and Σ e in {@code vec::reduce_all}'s order (one vector
     * accumulator, the tail into its first lanes), in one pass while the row is in L1: softmax's
     * and log_softmax's exp-and-sum. The loop lives here, beside {@link #sleefExp}, because a
     * vector handed to a call C2 does not inline is boxed. {@code len} is at least 8.
     */
    static float expSum(float[] x, int ox, float shift, float[] r, int or, int len) {
        FloatVector sv = splat(shift), acc = FloatVector.zero(AVX2_FLOATS); // 0 + e is e: exps are never -0
        int i = 0;
        for (int bound = AVX2_FLOATS.loopBound(len); i < bound; i += AVX2_FLOATS.length()) {
            FloatVector e = sleefExp(load(x, ox + i).sub(sv));
            e.intoArray(r, or + i);
            acc = acc.add(e);
        }
        float[] lanes = acc.toArray();
        for (int l = 0; i + l < len; l++) {
            r[or + i + l] = SleefExp.exp(x[ox + i + l] - shift);
            lanes[l] += r[or + i + l];
        }
        return SoftmaxKernel.combineLanes(lanes);
    }

    /** r = g - exp(y) · s, one fused multiply-add as GCC compiles it: log_softmax's gradient in one pass. */
    static void gradMinusExpTimes(float[] g, int og, float[] y, int oy, float s, float[] r, int or, int len) {
        FloatVector sv = splat(s);
        int i = 0;
        for (int bound = AVX2_FLOATS.loopBound(len); i < bound; i += AVX2_FLOATS.length()) {
            sleefExp(load(y, oy + i)).neg().fma(sv, load(g, og + i)).intoArray(r, or + i);
        }
        for (; i < len; i++) r[or + i] = Math.fma(-SleefExp.exp(y[oy + i]), s, g[og + i]);
    }

    private static final float R_LN2 = 1.442695040888963407359924681001892137426645954152985934135449406931f;
    /** x + 1.5·2²³ - 1.5·2²³ rounds x to an integer, ties to even (cvtps2dq), for |x| < 2²²: every lane whose result is used. */
    private static final float ROUNDER = 0x1.8p23f;

    /** {@link SleefExp#exp} on 8 lanes: the same float operations and fused multiply-adds. */
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

    private static FloatVector splat(float c) {
        return FloatVector.broadcast(AVX2_FLOATS, c);
    }

    private static FloatVector pow2(IntVector q) {
        return q.add(0x7f).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    }

    private static final VectorSpecies<Float> AVX2_FLOATS = FloatVector.SPECIES_256;

    /**
     * {@link CascadeKernels#rowSum} over {@code vecSize} vectors of 8 floats from {@code row}:
     * the same adds in the same order. Level 0's four accumulators stay in registers; levels 1-3
     * (touched once every 2^power rows of 32 floats) live in an array, as vectors kept in a Java
     * array would be boxed on every add.
     *
     * <p>Level 3 is the running sum of independent blocks of 2^(3·power) rows, each cascaded
     * from zero: long rows sum those blocks in parallel and add them in order, the same bits.
     */
    static float[] cascadeLanes(float[] x, int row, int vecSize) {
        int size = vecSize / 4, power = CascadeSum.levelPower(size), step = 1 << power;
        float[] levels = new float[3 * 32]; // level j (1..3), accumulator k at ((j - 1) * 4 + k) * 8
        int blockRows = 1 << (3 * power), blocks = size / blockRows, done = 0;
        if (blocks >= 2 && (long) size * 32 >= Parallel.MIN_PARALLEL * 4L) {
            float[][] parts = new float[blocks][];
            Parallel.forRange(blocks, blockRows * 32, (from, to) -> {
                for (int b = from; b < to; b++) {
                    parts[b] = new float[3 * 32];
                    cascadeSteps(x, row, b * blockRows, (b + 1) * blockRows, power, parts[b]);
                }
            });
            for (float[] part : parts) addInto(levels, 64, load(part, 64), load(part, 72), load(part, 80), load(part, 88));
            done = blocks * blockRows;
        }
        int full = size / step * step;
        cascadeSteps(x, row, done, full, power, levels);
        FloatVector zero = FloatVector.zero(AVX2_FLOATS), a0 = zero, a1 = zero, a2 = zero, a3 = zero;
        for (int i = full; i < size; i++) {
            int at = row + i * 32;
            a0 = a0.add(FloatVector.fromArray(AVX2_FLOATS, x, at));
            a1 = a1.add(FloatVector.fromArray(AVX2_FLOATS, x, at + 8));
            a2 = a2.add(FloatVector.fromArray(AVX2_FLOATS, x, at + 16));
            a3 = a3.add(FloatVector.fromArray(AVX2_FLOATS, x, at + 24));
        }
        for (int j = 0; j < 3; j++) {
            a0 = a0.add(load(levels, j * 32));
            a1 = a1.add(load(levels, j * 32 + 8));
            a2 = a2.add(load(levels, j * 32 + 16));
            a3 = a3.add(load(levels, j * 32 + 24));
        }
        for (int i = size * 4; i < vecSize; i++) a0 = a0.add(FloatVector.fromArray(AVX2_FLOATS, x, row + i * 8));
        return a0.add(a1).add(a2).add(a3).toArray();
    }

    /** Rows [from, to) (whole steps of 2^power rows) through the cascade, level 0 flushed after each step. */
    private static void cascadeSteps(float[] x, int row, int from, int to, int power, float[] levels) {
        long mask = (1 << power) - 1;
        FloatVector zero = FloatVector.zero(AVX2_FLOATS);
        for (int i = from; i < to;) {
            FloatVector a0 = zero, a1 = zero, a2 = zero, a3 = zero;
            for (int end = i + (1 << power); i < end; i++) {
                int at = row + i * 32;
                a0 = a0.add(FloatVector.fromArray(AVX2_FLOATS, x, at));
                a1 = a1.add(FloatVector.fromArray(AVX2_FLOATS, x, at + 8));
                a2 = a2.add(FloatVector.fromArray(AVX2_FLOATS, x, at + 16));
                a3 = a3.add(FloatVector.fromArray(AVX2_FLOATS, x, at + 24));
            }
            addInto(levels, 0, a0, a1, a2, a3);
            for (int j = 2; j < 4 && (i & (mask << ((j - 1) * power))) == 0; j++) {
                for (int k = 0; k < 32; k += 8) {
                    int lower = (j - 2) * 32 + k, upper = (j - 1) * 32 + k;
                    load(levels, upper).add(load(levels, lower)).intoArray(levels, upper);
                    zero.intoArray(levels, lower);
                }
            }
        }
    }

    private static FloatVector load(float[] a, int at) {
        return FloatVector.fromArray(AVX2_FLOATS, a, at);
    }

    private static void addInto(float[] levels, int at, FloatVector a0, FloatVector a1, FloatVector a2, FloatVector a3) {
        load(levels, at).add(a0).intoArray(levels, at);
        load(levels, at + 8).add(a1).intoArray(levels, at + 8);
        load(levels, at + 16).add(a2).intoArray(levels, at + 16);
        load(levels, at + 24).add(a3).intoArray(levels, at + 24);
    }
}

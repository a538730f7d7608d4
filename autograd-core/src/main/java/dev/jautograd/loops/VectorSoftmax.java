package dev.jautograd.loops;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SoftmaxKernel}'s last-dim rows on 8 lanes, reached only through {@link Vectorized}: the
 * same float operations in the same order (reduce_all's lane sums are exactly one vector
 * accumulator), Sleef's exp fused into VectorMath's loops ({@link VectorMath#expSum},
 * {@link VectorMath#gradMinusExpTimes}), so the same bits as the scalar rows. A row takes three
 * passes over its floats (two for log_softmax's gradient) while it sits in L1. Every row here
 * has at least 8 elements; shorter rows stay scalar.
 *
 * <p>Each pass is a method of its own and the row methods have no loop: C2 then compiles the
 * passes first (their loops make them hot a hundred times sooner) and calls them. Inlined all
 * into one unit, a row outgrows C2's inlining budget (NodeCountInliningCutoff) midway through
 * the exp, and an operation left as a call boxes its vectors: 2-4x slower (measured).
 */
final class VectorSoftmax {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final int W = 8;

    private VectorSoftmax() {}

    /** e = exp(x - max) with Σ e in one pass, then e · (1 / Σ e). */
    static void softmaxRow(float[] x, int at, float[] r, int rAt, int n) {
        scale(r, rAt, n, 1 / VectorMath.expSum(x, at, max(x, at, n), r, rAt, n));
    }

    /**
     * (x - max) - log Σ exp(x - max), the log by Sleef's logf_u10. The exps go through r (they
     * are overwritten next): PyTorch's map_reduce_all keeps them in registers, the same sum.
     */
    static void logSoftmaxRow(float[] x, int at, float[] r, int rAt, int n) {
        float max = max(x, at, n);
        shift(x, at, r, rAt, n, max, SleefFloat.log(VectorMath.expSum(x, at, max, r, rAt, n)));
    }

    /** log_softmax's gradient: Σ grad, then grad - exp(y) · Σ in one pass (one fused multiply-add). */
    static void logSoftmaxBackwardRow(float[] g, int gAt, float[] y, int yAt, float[] r, int rAt, int n) {
        VectorMath.gradMinusExpTimes(g, gAt, y, yAt, reduceAll(g, gAt, n), r, rAt, n);
    }

    /** softmax's gradient: (grad - Σ grad·y) · y, the Σ by map2_reduce_all (fused multiply-adds). */
    static void softmaxBackwardRow(float[] g, int gAt, float[] y, int yAt, float[] r, int rAt, int n) {
        subTimes(g, gAt, y, yAt, r, rAt, n, dotAll(g, gAt, y, yAt, n));
    }

    /**
     * The row's maximum; Math.max's order-free semantics (NaN wins, +0 over -0), as the scalar
     * loop, so four running maxima: one chain waits on each vector max, four run side by side.
     */
    private static float max(float[] x, int at, int n) {
        FloatVector m0 = FloatVector.fromArray(S, x, at), m1 = m0, m2 = m0, m3 = m0;
        int i = W;
        for (; i <= n - 4 * W; i += 4 * W) {
            m0 = m0.max(FloatVector.fromArray(S, x, at + i));
            m1 = m1.max(FloatVector.fromArray(S, x, at + i + W));
            m2 = m2.max(FloatVector.fromArray(S, x, at + i + 2 * W));
            m3 = m3.max(FloatVector.fromArray(S, x, at + i + 3 * W));
        }
        for (; i <= n - W; i += W) m0 = m0.max(FloatVector.fromArray(S, x, at + i));
        float max = m0.max(m1).max(m2.max(m3)).reduceLanes(VectorOperators.MAX);
        for (; i < n; i++) max = Math.max(max, x[at + i]);
        return max;
    }

    /** r = r · s. */
    private static void scale(float[] r, int rAt, int n, float s) {
        FloatVector sv = FloatVector.broadcast(S, s);
        int i = 0;
        for (; i <= n - W; i += W) FloatVector.fromArray(S, r, rAt + i).mul(sv).intoArray(r, rAt + i);
        for (; i < n; i++) r[rAt + i] = r[rAt + i] * s;
    }

    /** r = (x - max) - logSum. */
    private static void shift(float[] x, int at, float[] r, int rAt, int n, float max, float logSum) {
        FloatVector mv = FloatVector.broadcast(S, max), lv = FloatVector.broadcast(S, logSum);
        int i = 0;
        for (; i <= n - W; i += W) FloatVector.fromArray(S, x, at + i).sub(mv).sub(lv).intoArray(r, rAt + i);
        for (; i < n; i++) r[rAt + i] = x[at + i] - max - logSum;
    }

    /** vec::map2_reduce_all with x·y and +: 8 lane sums, each step a fused multiply-add as GCC compiles acc + x·y. */
    private static float dotAll(float[] g, int gAt, float[] y, int yAt, int n) {
        FloatVector acc = FloatVector.fromArray(S, g, gAt).mul(FloatVector.fromArray(S, y, yAt));
        int d = W;
        for (; d <= n - W; d += W) acc = FloatVector.fromArray(S, g, gAt + d).fma(FloatVector.fromArray(S, y, yAt + d), acc);
        float[] lanes = acc.toArray();
        for (int l = 0; d + l < n; l++) lanes[l] = Math.fma(g[gAt + d + l], y[yAt + d + l], lanes[l]);
        return SoftmaxKernel.combineLanes(lanes);
    }

    /** r = (g - sum) · y. */
    private static void subTimes(float[] g, int gAt, float[] y, int yAt, float[] r, int rAt, int n, float sum) {
        FloatVector sv = FloatVector.broadcast(S, sum);
        int i = 0;
        for (; i <= n - W; i += W) {
            FloatVector.fromArray(S, g, gAt + i).sub(sv).mul(FloatVector.fromArray(S, y, yAt + i)).intoArray(r, rAt + i);
        }
        for (; i < n; i++) r[rAt + i] = (g[gAt + i] - sum) * y[yAt + i];
    }

    /** vec::reduce_all with +: one vector accumulator, the tail into its first lanes. */
    private static float reduceAll(float[] v, int at, int n) {
        FloatVector acc = FloatVector.fromArray(S, v, at);
        int d = W;
        for (; d <= n - W; d += W) acc = acc.add(FloatVector.fromArray(S, v, at + d));
        float[] lanes = acc.toArray();
        for (int l = 0; d + l < n; l++) lanes[l] += v[at + d + l];
        return SoftmaxKernel.combineLanes(lanes);
    }
}

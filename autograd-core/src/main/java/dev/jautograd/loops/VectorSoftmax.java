package dev.jautograd.loops;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SoftmaxKernel}'s last-dim rows on 8 lanes, reached only through {@link Vectorized}: the
 * same float operations in the same order (reduce_all's lane sums are exactly one vector
 * accumulator), Sleef's exp by the array loop {@link VectorMath#exp}, so the same bits as the scalar rows.
 * Every row here has at least 8 elements; shorter rows stay scalar.
 */
final class VectorSoftmax {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final int W = 8;

    private VectorSoftmax() {}

    /** e = exp(x - max), then e · (1 / Σ e). */
    static void softmaxRow(float[] x, int at, float[] r, int rAt, int n) {
        float max = max(x, at, n);
        float scale = 1 / expSum(x, at, max, r, rAt, n);
        FloatVector sv = FloatVector.broadcast(S, scale);
        int i = 0;
        for (; i <= n - W; i += W) FloatVector.fromArray(S, r, rAt + i).mul(sv).intoArray(r, rAt + i);
        for (; i < n; i++) r[rAt + i] = r[rAt + i] * scale;
    }

    /** (x - max) - log Σ exp(x - max), the log by Sleef's logf_u10. */
    static void logSoftmaxRow(float[] x, int at, float[] r, int rAt, int n) {
        float max = max(x, at, n);
        float logSum = SleefFloat.log(expSum(x, at, max, r, rAt, n));
        FloatVector mv = FloatVector.broadcast(S, max), lv = FloatVector.broadcast(S, logSum);
        int i = 0;
        for (; i <= n - W; i += W) FloatVector.fromArray(S, x, at + i).sub(mv).sub(lv).intoArray(r, rAt + i);
        for (; i < n; i++) r[rAt + i] = x[at + i] - max - logSum;
    }

    /** log_softmax's gradient: grad - exp(y) · Σ grad, one fused multiply-add. */
    static void logSoftmaxBackwardRow(float[] g, int gAt, float[] y, int yAt, float[] r, int rAt, int n) {
        FloatVector sv = FloatVector.broadcast(S, reduceAll(g, gAt, n));
        float sum = sv.lane(0);
        VectorMath.exp(y, yAt, r, rAt, n);
        int i = 0;
        for (; i <= n - W; i += W) {
            FloatVector.fromArray(S, r, rAt + i).neg().fma(sv, FloatVector.fromArray(S, g, gAt + i)).intoArray(r, rAt + i);
        }
        for (; i < n; i++) r[rAt + i] = Math.fma(-r[rAt + i], sum, g[gAt + i]);
    }

    /** softmax's gradient: (grad - Σ grad·y) · y, the Σ by map2_reduce_all (fused multiply-adds). */
    static void softmaxBackwardRow(float[] g, int gAt, float[] y, int yAt, float[] r, int rAt, int n) {
        FloatVector acc = FloatVector.fromArray(S, g, gAt).mul(FloatVector.fromArray(S, y, yAt));
        int d = W;
        for (; d <= n - W; d += W) acc = FloatVector.fromArray(S, g, gAt + d).fma(FloatVector.fromArray(S, y, yAt + d), acc);
        float[] lanes = acc.toArray();
        for (int l = 0; d + l < n; l++) lanes[l] = Math.fma(g[gAt + d + l], y[yAt + d + l], lanes[l]);
        float sum = combine(lanes);
        FloatVector sv = FloatVector.broadcast(S, sum);
        int i = 0;
        for (; i <= n - W; i += W) {
            FloatVector.fromArray(S, g, gAt + i).sub(sv).mul(FloatVector.fromArray(S, y, yAt + i)).intoArray(r, rAt + i);
        }
        for (; i < n; i++) r[rAt + i] = (g[gAt + i] - sum) * y[yAt + i];
    }

    /** The row's maximum; Math.max's order-free semantics (NaN wins, +0 over -0), as the scalar loop. */
    private static float max(float[] x, int at, int n) {
        FloatVector m = FloatVector.fromArray(S, x, at);
        int i = W;
        for (; i <= n - W; i += W) m = m.max(FloatVector.fromArray(S, x, at + i));
        float max = m.reduceLanes(VectorOperators.MAX);
        for (; i < n; i++) max = Math.max(max, x[at + i]);
        return max;
    }

    /**
     * Σ exp(x - max) in reduce_all's order, the exps left in r. The exps by the array loop
     * {@link VectorMath#exp}: a vector handed to a call that C2 does not inline is boxed (and
     * runs the Vector API's slow Java fallback), so vectors never cross a call here.
     */
    private static float expSum(float[] x, int at, float max, float[] r, int rAt, int n) {
        FloatVector mv = FloatVector.broadcast(S, max);
        int i = 0;
        for (; i <= n - W; i += W) FloatVector.fromArray(S, x, at + i).sub(mv).intoArray(r, rAt + i);
        for (; i < n; i++) r[rAt + i] = x[at + i] - max;
        VectorMath.exp(r, rAt, r, rAt, n);
        return reduceAll(r, rAt, n);
    }

    /** vec::reduce_all with +: one vector accumulator, the tail into its first lanes. */
    private static float reduceAll(float[] v, int at, int n) {
        FloatVector acc = FloatVector.fromArray(S, v, at);
        int d = W;
        for (; d <= n - W; d += W) acc = acc.add(FloatVector.fromArray(S, v, at + d));
        float[] lanes = acc.toArray();
        for (int l = 0; d + l < n; l++) lanes[l] += v[at + d + l];
        return combine(lanes);
    }

    /** reduce_all's last step: _mm256_permute2f128_ps, then shuffles 0x4E and 0xB1. */
    private static float combine(float[] a) {
        return ((a[0] + a[4]) + (a[2] + a[6])) + ((a[1] + a[5]) + (a[3] + a[7]));
    }
}

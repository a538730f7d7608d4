package dev.jautograd.loops;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD exp, sigmoid and sum for float32, reached only through {@link Vectorized}. Like the scalar
 * loops they widen to double, evaluate there and round once to float: the JIT's vector exp
 * (SVML on x86) is within an ulp of {@link Math#exp} in double, and an ulp of double almost never
 * moves the float rounding (no difference over 10⁷ random inputs and the special values in
 * FastPathEquivalenceTest). Math.exp does not vectorise, so this is the only SIMD route for exp.
 */
final class VectorMath {
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    /** As many float lanes as the double species has, so one conversion fills one double vector. */
    private static final VectorSpecies<Float> FLOATS =
            VectorSpecies.of(float.class, VectorShape.forBitSize(DOUBLES.length() * Float.SIZE));

    private VectorMath() {}

    static void exp(float[] x, int ox, float[] r, int or, int len) {
        int i = 0;
        for (int bound = FLOATS.loopBound(len); i < bound; i += FLOATS.length()) {
            DoubleVector v = widen(x, ox + i);
            narrow(v.lanewise(VectorOperators.EXP), r, or + i);
        }
        for (; i < len; i++) r[or + i] = (float) Math.exp(x[ox + i]);
    }

    /** 1 / (1 + e^-x), the scalar formula lane by lane. */
    static void sigmoid(float[] x, int ox, float[] r, int or, int len) {
        DoubleVector one = DoubleVector.broadcast(DOUBLES, 1.0);
        int i = 0;
        for (int bound = FLOATS.loopBound(len); i < bound; i += FLOATS.length()) {
            DoubleVector e = widen(x, ox + i).neg().lanewise(VectorOperators.EXP);
            narrow(one.div(one.add(e)), r, or + i);
        }
        for (; i < len; i++) r[or + i] = (float) (1 / (1 + Math.exp(-(double) x[ox + i])));
    }

    private static final VectorSpecies<Float> AVX2_FLOATS = FloatVector.SPECIES_256;

    /**
     * {@link CascadeKernels#rowSum} over {@code vecSize} vectors of 8 floats from {@code row}:
     * the same adds in the same order, four vector accumulators cascaded over four levels.
     */
    static float[] cascadeLanes(float[] x, int row, int vecSize) {
        int size = vecSize / 4, power = CascadeSum.levelPower(size), step = 1 << power;
        long mask = step - 1;
        FloatVector zero = FloatVector.zero(AVX2_FLOATS);
        FloatVector[] acc = {zero, zero, zero, zero, zero, zero, zero, zero, zero, zero, zero, zero};
        FloatVector a0 = zero, a1 = zero, a2 = zero, a3 = zero;
        int i = 0;
        while (i + step <= size) {
            for (int j = 0; j < step; j++, i++) {
                int at = row + i * 32;
                a0 = a0.add(FloatVector.fromArray(AVX2_FLOATS, x, at));
                a1 = a1.add(FloatVector.fromArray(AVX2_FLOATS, x, at + 8));
                a2 = a2.add(FloatVector.fromArray(AVX2_FLOATS, x, at + 16));
                a3 = a3.add(FloatVector.fromArray(AVX2_FLOATS, x, at + 24));
            }
            acc[0] = acc[0].add(a0); acc[1] = acc[1].add(a1); acc[2] = acc[2].add(a2); acc[3] = acc[3].add(a3);
            a0 = zero; a1 = zero; a2 = zero; a3 = zero;
            for (int j = 2; j < 4; j++) {
                if ((i & (mask << ((j - 1) * power))) != 0) break;
                for (int k = 0; k < 4; k++) {
                    acc[(j - 1) * 4 + k] = acc[(j - 1) * 4 + k].add(acc[(j - 2) * 4 + k]);
                    acc[(j - 2) * 4 + k] = zero;
                }
            }
        }
        for (; i < size; i++) {
            int at = row + i * 32;
            a0 = a0.add(FloatVector.fromArray(AVX2_FLOATS, x, at));
            a1 = a1.add(FloatVector.fromArray(AVX2_FLOATS, x, at + 8));
            a2 = a2.add(FloatVector.fromArray(AVX2_FLOATS, x, at + 16));
            a3 = a3.add(FloatVector.fromArray(AVX2_FLOATS, x, at + 24));
        }
        FloatVector[] lv = {a0, a1, a2, a3};
        for (int k = 0; k < 4; k++) {
            for (int j = 0; j < 3; j++) lv[k] = lv[k].add(acc[j * 4 + k]);
        }
        FloatVector p = lv[0];
        for (i = size * 4; i < vecSize; i++) p = p.add(FloatVector.fromArray(AVX2_FLOATS, x, row + i * 8));
        p = p.add(lv[1]).add(lv[2]).add(lv[3]);
        return p.toArray();
    }

    private static DoubleVector widen(float[] x, int at) {
        return (DoubleVector) FloatVector.fromArray(FLOATS, x, at).convertShape(VectorOperators.F2D, DOUBLES, 0);
    }

    private static void narrow(DoubleVector v, float[] r, int at) {
        ((FloatVector) v.convertShape(VectorOperators.D2F, FLOATS, 0)).intoArray(r, at);
    }
}

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

    /** Σ x[from..from+length) in double: two vector accumulators, then the lanes and the tail. */
    static double sum(float[] x, int from, int length) {
        DoubleVector even = DoubleVector.zero(DOUBLES), odd = DoubleVector.zero(DOUBLES);
        int step = FLOATS.length(), i = 0;
        for (; i + 2 * step <= length; i += 2 * step) {
            even = even.add(widen(x, from + i));
            odd = odd.add(widen(x, from + i + step));
        }
        double total = even.add(odd).reduceLanes(VectorOperators.ADD);
        for (; i < length; i++) total += x[from + i];
        return total;
    }

    private static DoubleVector widen(float[] x, int at) {
        return (DoubleVector) FloatVector.fromArray(FLOATS, x, at).convertShape(VectorOperators.F2D, DOUBLES, 0);
    }

    private static void narrow(DoubleVector v, float[] r, int at) {
        ((FloatVector) v.convertShape(VectorOperators.D2F, FLOATS, 0)).intoArray(r, at);
    }
}

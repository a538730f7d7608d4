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

    private static DoubleVector widen(float[] x, int at) {
        return (DoubleVector) FloatVector.fromArray(FLOATS, x, at).convertShape(VectorOperators.F2D, DOUBLES, 0);
    }

    private static void narrow(DoubleVector v, float[] r, int at) {
        ((FloatVector) v.convertShape(VectorOperators.D2F, FLOATS, 0)).intoArray(r, at);
    }
}

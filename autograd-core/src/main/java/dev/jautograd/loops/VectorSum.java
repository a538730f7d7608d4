package dev.jautograd.loops;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * PyTorch's float32 cascade sum ({@link CascadeKernels}) with SIMD adds, reached only through
 * {@link Vectorized}: the same float adds in the same order, so the same bits. The speed comes
 * from where the accumulators live. A cascade level is touched once every 2^power (at least 16)
 * rows of the level below, so levels kept in an array cost a load and a store per flush; kept in
 * registers, as here, the loop is loads and adds only (measured 2.5-3.5× faster than arrays).
 */
final class VectorSum {
    private static final VectorSpecies<Float> AVX2 = FloatVector.SPECIES_256;
    /**
     * The widest SIMD the machine has, for {@link #columns}: every lane there is the sum of its
     * own column, so a 512-bit vector holds two of PyTorch's 8-lane ones side by side, with the
     * same adds. Where 512 bits are not native (AVX2), the Vector API would emulate them slowly.
     */
    private static final VectorSpecies<Float> WIDE =
            FloatVector.SPECIES_PREFERRED.length() >= 16 ? FloatVector.SPECIES_512 : FloatVector.SPECIES_256;
    /** Columns per {@link #columns} block: four vectors (64 floats, a whole cache line per row per vector). */
    static final int COLUMN_BLOCK = 4 * WIDE.length();

    private VectorSum() {}

    /**
     * {@link CascadeKernels#rowSum} over {@code vecSize} vectors of 8 floats from {@code row}
     * (8 lanes out). Level 3 is the running sum of independent blocks of 2^(3·power) rows, each
     * cascaded from zero: long rows sum those blocks in parallel and add them in order, the same bits.
     */
    static float[] cascadeLanes(float[] x, int row, int vecSize) {
        int size = vecSize / 4;
        if (CascadeSum.levelPower(size) != 4) return wideLanes(x, row, vecSize);
        int blocks = size >> 12;
        float[] top = new float[32];
        if (blocks > 0) levelThree(x, row, blocks, top);
        return finish(x, row, vecSize, blocks << 12, top);
    }

    /**
     * Level 3 of a row with level power 4 (16 rows a step, 256 a level-1 block, 4096 a level-2
     * block): each level-2 block summed from zero, on the workers, then added in order into top.
     */
    private static void levelThree(float[] x, int row, int blocks, float[] top) {
        float[][] parts = new float[blocks][32];
        Parallel.forUnits(blocks, 4096 * 32, (from, to) -> {
            for (int b = from; b < to; b++) levelTwo(x, row + (b << 12) * 32, 16, parts[b]);
        });
        for (float[] part : parts) {
            for (int k = 0; k < 32; k++) top[k] += part[k];
        }
    }

    /**
     * The rows from {@code done} (a level-3 boundary) to the end, level 3 being {@code top}:
     * whole level-1 blocks, then the steps, then the last rows, each level summed in registers
     * by a method of its own and stored once, then added as the cascade adds its levels at the
     * end (((rows + level 1) + level 2) + level 3), then the vectors past the last row of 32
     * floats into accumulator 0, then the 8 lanes. Vectors never cross a call: one method
     * holding every level in registers passed C2's node limit ({@code NodeCountInliningCutoff})
     * and boxed vectors, and so did a helper taking four vectors wherever C2 left it out (as the
     * earlier kernel's {@link #addInto} was for 10⁶ floats: 34.5 kB allocated a call; measured
     * 2026-12-02, docs/performance.md).
     */
    private static float[] finish(float[] x, int row, int vecSize, int done, float[] top) {
        int size = vecSize / 4, rest = size - done, at = row + done * 32;
        int blocks = rest >> 8, steps = (rest >> 4) & 15, rows = rest & 15;
        float[] e = new float[32], c = new float[32], a = new float[32];
        if (blocks > 0) levelTwo(x, at, blocks, e);
        if (steps > 0) levelOne(x, at + (blocks << 8) * 32, steps, c);
        if (rows > 0) levelZero(x, at + (rest >> 4 << 4) * 32, rows, a);
        for (int k = 0; k < 32; k++) a[k] = ((a[k] + c[k]) + e[k]) + top[k];
        for (int v = size * 4; v < vecSize; v++) {
            for (int l = 0; l < 8; l++) a[l] += x[row + v * 8 + l];
        }
        float[] lanes = new float[8];
        for (int l = 0; l < 8; l++) lanes[l] = ((a[l] + a[8 + l]) + a[16 + l]) + a[24 + l];
        return lanes;
    }

    /** Level 2 of {@code blocks} whole level-1 blocks from {@code at}: Σ blocks (Σ 16 steps (Σ 16 rows)), into out. */
    private static void levelTwo(float[] x, int at, int blocks, float[] out) {
        FloatVector zero = FloatVector.zero(AVX2), e0 = zero, e1 = zero, e2 = zero, e3 = zero;
        for (int b = 0; b < blocks; b++) {
            FloatVector c0 = zero, c1 = zero, c2 = zero, c3 = zero;
            for (int s = 0; s < 16; s++, at += 512) {
                FloatVector a0 = zero, a1 = zero, a2 = zero, a3 = zero;
                for (int k = at, end = at + 512; k < end; k += 32) {
                    a0 = a0.add(load(x, k));
                    a1 = a1.add(load(x, k + 8));
                    a2 = a2.add(load(x, k + 16));
                    a3 = a3.add(load(x, k + 24));
                }
                c0 = c0.add(a0);
                c1 = c1.add(a1);
                c2 = c2.add(a2);
                c3 = c3.add(a3);
            }
            e0 = e0.add(c0);
            e1 = e1.add(c1);
            e2 = e2.add(c2);
            e3 = e3.add(c3);
        }
        e0.intoArray(out, 0); // not through a helper: a call C2 leaves out boxes its vector arguments
        e1.intoArray(out, 8);
        e2.intoArray(out, 16);
        e3.intoArray(out, 24);
    }

    /** Level 1 of {@code steps} whole steps of 16 rows from {@code at}, into out. */
    private static void levelOne(float[] x, int at, int steps, float[] out) {
        FloatVector zero = FloatVector.zero(AVX2), c0 = zero, c1 = zero, c2 = zero, c3 = zero;
        for (int s = 0; s < steps; s++, at += 512) {
            FloatVector a0 = zero, a1 = zero, a2 = zero, a3 = zero;
            for (int k = at, end = at + 512; k < end; k += 32) {
                a0 = a0.add(load(x, k));
                a1 = a1.add(load(x, k + 8));
                a2 = a2.add(load(x, k + 16));
                a3 = a3.add(load(x, k + 24));
            }
            c0 = c0.add(a0);
            c1 = c1.add(a1);
            c2 = c2.add(a2);
            c3 = c3.add(a3);
        }
        c0.intoArray(out, 0);
        c1.intoArray(out, 8);
        c2.intoArray(out, 16);
        c3.intoArray(out, 24);
    }

    /** Level 0 of {@code rows} rows of 32 floats from {@code at}, into out. */
    private static void levelZero(float[] x, int at, int rows, float[] out) {
        FloatVector zero = FloatVector.zero(AVX2), a0 = zero, a1 = zero, a2 = zero, a3 = zero;
        for (int k = at, end = at + rows * 32; k < end; k += 32) {
            a0 = a0.add(load(x, k));
            a1 = a1.add(load(x, k + 8));
            a2 = a2.add(load(x, k + 16));
            a3 = a3.add(load(x, k + 24));
        }
        a0.intoArray(out, 0);
        a1.intoArray(out, 8);
        a2.intoArray(out, 16);
        a3.intoArray(out, 24);
    }

    /**
     * {@link #cascadeLanes} for a level power above 4 (2^20 steps of 32 floats or more, over 33
     * million floats): levels 0-1 in registers over whole level-1 blocks, levels 2-3 in an array.
     */
    private static float[] wideLanes(float[] x, int row, int vecSize) {
        int size = vecSize / 4, power = CascadeSum.levelPower(size), step = 1 << power;
        float[] levels = new float[3 * 32]; // level j (1..3), accumulator k at ((j - 1) * 4 + k) * 8
        int blockRows = 1 << (3 * power), blocks = size / blockRows, done = 0;
        if (blocks >= 2) {
            float[][] parts = new float[blocks][];
            Parallel.forUnits(blocks, blockRows * 32, (from, to) -> {
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
        FloatVector zero = FloatVector.zero(AVX2), a0 = zero, a1 = zero, a2 = zero, a3 = zero;
        for (int i = full; i < size; i++) {
            int at = row + i * 32;
            a0 = a0.add(load(x, at));
            a1 = a1.add(load(x, at + 8));
            a2 = a2.add(load(x, at + 16));
            a3 = a3.add(load(x, at + 24));
        }
        for (int j = 0; j < 3; j++) {
            a0 = a0.add(load(levels, j * 32));
            a1 = a1.add(load(levels, j * 32 + 8));
            a2 = a2.add(load(levels, j * 32 + 16));
            a3 = a3.add(load(levels, j * 32 + 24));
        }
        for (int i = size * 4; i < vecSize; i++) a0 = a0.add(load(x, row + i * 8));
        return a0.add(a1).add(a2).add(a3).toArray();
    }

    /**
     * Rows [from, to) (whole steps of 2^power rows; {@code from} starts a level-3 block, where the
     * levels below are zero) through the cascade. Whole level-1 blocks (2^(2·power) rows) keep
     * levels 0 and 1 in registers; the steps after the last one go through the array.
     */
    private static void cascadeSteps(float[] x, int row, int from, int to, int power, float[] levels) {
        int step = 1 << power, block = step << power, mask = step - 1, i = from;
        FloatVector zero = FloatVector.zero(AVX2);
        for (; i + block <= to; i += block) {
            FloatVector c0 = zero, c1 = zero, c2 = zero, c3 = zero;
            for (int s = 0, at = row + i * 32; s < step; s++) {
                FloatVector a0 = zero, a1 = zero, a2 = zero, a3 = zero;
                for (int end = at + step * 32; at < end; at += 32) {
                    a0 = a0.add(load(x, at));
                    a1 = a1.add(load(x, at + 8));
                    a2 = a2.add(load(x, at + 16));
                    a3 = a3.add(load(x, at + 24));
                }
                c0 = c0.add(a0);
                c1 = c1.add(a1);
                c2 = c2.add(a2);
                c3 = c3.add(a3);
            }
            // level 1 is full: into level 2, and level 2 into level 3 when it is full too
            FloatVector e0 = load(levels, 32).add(c0), e1 = load(levels, 40).add(c1);
            FloatVector e2 = load(levels, 48).add(c2), e3 = load(levels, 56).add(c3);
            if (((i + block) & (mask << (2 * power))) == 0) {
                addInto(levels, 64, e0, e1, e2, e3);
                e0 = e1 = e2 = e3 = zero;
            }
            e0.intoArray(levels, 32);
            e1.intoArray(levels, 40);
            e2.intoArray(levels, 48);
            e3.intoArray(levels, 56);
        }
        partialSteps(x, row, i, to, power, levels);
    }

    /** Steps of 2^power rows with level 0 in registers and levels 1-3 in the array. */
    private static void partialSteps(float[] x, int row, int from, int to, int power, float[] levels) {
        long mask = (1 << power) - 1;
        FloatVector zero = FloatVector.zero(AVX2);
        for (int i = from; i < to;) {
            FloatVector a0 = zero, a1 = zero, a2 = zero, a3 = zero;
            for (int end = i + (1 << power); i < end; i++) {
                int at = row + i * 32;
                a0 = a0.add(load(x, at));
                a1 = a1.add(load(x, at + 8));
                a2 = a2.add(load(x, at + 16));
                a3 = a3.add(load(x, at + 24));
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

    /**
     * {@code vectorized_outer_sum}'s column sums ({@link CascadeKernels#multiRowSum}, one
     * accumulator per column) for blocks [from, to) of {@link #COLUMN_BLOCK} adjacent columns:
     * r[rb + c·outStride] += Σ_i x[base + i·rowStride + c]. A block walks down all rows with its
     * four cascade levels in 16 registers, reading a cache line per row and vector.
     */
    static void columns(float[] x, int base, int rowStride, int rows, int from, int to, float[] r, int rb,
            int outStride) {
        int power = CascadeSum.levelPower(rows), step = 1 << power, mask = step - 1;
        FloatVector zero = FloatVector.zero(WIDE);
        int w = WIDE.length();
        for (int block = from; block < to; block++) {
            int c = block * COLUMN_BLOCK, i = 0;
            FloatVector b0 = zero, b1 = zero, b2 = zero, b3 = zero, d0 = zero, d1 = zero, d2 = zero, d3 = zero;
            FloatVector e0 = zero, e1 = zero, e2 = zero, e3 = zero;
            for (; i + step <= rows; i += step) {
                FloatVector a0 = zero, a1 = zero, a2 = zero, a3 = zero;
                for (int k = 0, at = base + c + i * rowStride; k < step; k++, at += rowStride) {
                    a0 = a0.add(wide(x, at));
                    a1 = a1.add(wide(x, at + w));
                    a2 = a2.add(wide(x, at + 2 * w));
                    a3 = a3.add(wide(x, at + 3 * w));
                }
                b0 = b0.add(a0);
                b1 = b1.add(a1);
                b2 = b2.add(a2);
                b3 = b3.add(a3);
                int next = i + step;
                if ((next & (mask << power)) != 0) continue;
                d0 = d0.add(b0);
                d1 = d1.add(b1);
                d2 = d2.add(b2);
                d3 = d3.add(b3);
                b0 = b1 = b2 = b3 = zero;
                if ((next & (mask << (2 * power))) != 0) continue;
                e0 = e0.add(d0);
                e1 = e1.add(d1);
                e2 = e2.add(d2);
                e3 = e3.add(d3);
                d0 = d1 = d2 = d3 = zero;
            }
            FloatVector a0 = zero, a1 = zero, a2 = zero, a3 = zero;
            for (int at = base + c + i * rowStride; i < rows; i++, at += rowStride) {
                a0 = a0.add(wide(x, at));
                a1 = a1.add(wide(x, at + w));
                a2 = a2.add(wide(x, at + 2 * w));
                a3 = a3.add(wide(x, at + 3 * w));
            }
            store(a0.add(b0).add(d0).add(e0), r, rb, outStride, c);
            store(a1.add(b1).add(d1).add(e1), r, rb, outStride, c + w);
            store(a2.add(b2).add(d2).add(e2), r, rb, outStride, c + 2 * w);
            store(a3.add(b3).add(d3).add(e3), r, rb, outStride, c + 3 * w);
        }
    }

    /** r[rb + (c + l)·outStride] += sums[l]: the partial result into the output, as cascade_sum does. */
    private static void store(FloatVector sums, float[] r, int rb, int outStride, int c) {
        if (outStride == 1) {
            FloatVector.fromArray(WIDE, r, rb + c).add(sums).intoArray(r, rb + c);
            return;
        }
        for (int l = 0; l < WIDE.length(); l++) r[rb + (c + l) * outStride] += sums.lane(l);
    }

    private static FloatVector wide(float[] a, int at) {
        return FloatVector.fromArray(WIDE, a, at);
    }

    private static FloatVector load(float[] a, int at) {
        return FloatVector.fromArray(AVX2, a, at);
    }

    private static void addInto(float[] levels, int at, FloatVector a0, FloatVector a1, FloatVector a2, FloatVector a3) {
        load(levels, at).add(a0).intoArray(levels, at);
        load(levels, at + 8).add(a1).intoArray(levels, at + 8);
        load(levels, at + 16).add(a2).intoArray(levels, at + 16);
        load(levels, at + 24).add(a3).intoArray(levels, at + 24);
    }
}

package dev.jautograd.loops;

/**
 * PyTorch 1.13's float32 CPU sum ({@code aten/src/ATen/native/cpu/SumKernel.cpp},
 * {@code cascade_sum}) in its exact order of float additions, so sums, means and the losses
 * built on them print the same digits as PyTorch's. The adds are float adds (PyTorch
 * accumulates float32 in float32 on the CPU); only their order matters, and it is:
 * <ul>
 *   <li>the iteration layout of {@link ReductionLayout}; each 2-D loop call adds its partial
 *       result into the output, which starts at +0;</li>
 *   <li>a contiguous reduced dim of 8 or more: vectors of 8 lanes (the AVX2 build's
 *       {@code Vectorized<float>}, which Debian's torch dispatches to on x86-64), four vector
 *       accumulators, a tail of scalars, then the 8 lanes in order;</li>
 *   <li>a contiguous kept dim of 8 or more: 4×8 (then 8, then 1) outputs at a time;</li>
 *   <li>otherwise scalars, by rows of four;</li>
 *   <li>every accumulator cascades over four levels, each taking a block of
 *       2^max(4, ⌈log2 n⌉/4) rows from the level below ({@code multi_row_sum}), which keeps
 *       the rounding error growing like log n instead of n.</li>
 * </ul>
 * With more than one thread PyTorch splits sums of 32768 or more elements into one chunk per
 * thread; this is its single-threaded order (that of {@code torch.set_num_threads(1)}).
 * {@link CascadeKernels} holds the per-row arithmetic, plain and SIMD with the same bits.
 */
final class CascadeSum {
    static final int LANES = 8;

    private CascadeSum() {}

    /** Adds the reduction of {@code x} into {@code r} (zeros on entry), walking {@code layout}. */
    static void sum(float[] x, int xBase, ReductionLayout layout, float[] r) {
        int n = layout.dims();
        int[] index = new int[Math.max(n, 2)];
        int size0 = layout.size(0), size1 = layout.size(1);
        for (int d = 0; d < n; d++) if (layout.sizes[d] == 0) return;
        while (true) {
            int in = xBase, out = 0;
            for (int d = 2; d < n; d++) {
                in += index[d] * layout.inStrides[d];
                out += index[d] * layout.outStrides[d];
            }
            loop2d(x, in, r, out, layout.in(0), layout.in(1), layout.out(0), layout.out(1), size0, size1);
            int d = 2;
            while (d < n && ++index[d] == layout.sizes[d]) index[d++] = 0;
            if (d >= n) return;
        }
    }

    /** The body of {@code cascade_sum}'s loop: picks one of four kernels by layout. */
    private static void loop2d(float[] x, int xb, float[] r, int rb, int in0, int in1, int out0, int out1,
            int size0, int size1) {
        if (out0 != 0 && out1 == 0) { // move the reduced dim first
            int t = in0; in0 = in1; in1 = t;
            t = out0; out0 = out1; out1 = t;
            t = size0; size0 = size1; size1 = t;
        }
        if (out0 != 0) { // nothing reduced here: out += in
            for (int j = 0; j < size1; j++) {
                for (int i = 0; i < size0; i++) r[rb + j * out1 + i * out0] += x[xb + j * in1 + i * in0];
            }
            return;
        }
        if (in0 == 1 && size0 >= LANES) {
            CascadeKernels.innerSum(x, xb, in1, size0, size1, r, rb, out1);
        } else if (in1 == 1 && size1 >= LANES) {
            CascadeKernels.outerSum(x, xb, in0, size0, size1, r, rb, out1);
        } else if (in0 < in1) {
            for (int j = 0; j < size1; j++) r[rb + j * out1] += CascadeKernels.rowSum(x, xb + j * in1, in0, size0);
        } else {
            CascadeKernels.scalarOuterSum(x, xb, in0, in1, size0, size1, r, rb, out1);
        }
    }

    /** ⌈log2 x⌉, and 1 for x ≤ 2, as c10's CeilLog2. */
    static int ceilLog2(int x) {
        return x <= 2 ? 1 : 32 - Integer.numberOfLeadingZeros(x - 1);
    }

    /** log2 of the rows each cascade level takes from the one below, for {@code size} rows. */
    static int levelPower(int size) {
        return Math.max(4, ceilLog2(size) / 4);
    }
}

package dev.jautograd.loops;

import dev.jautograd.Shapes;
import java.util.ArrayList;
import java.util.List;

/**
 * How PyTorch's TensorIterator lays out a reduction (one input, one output), which fixes the
 * order in which {@link CascadeSum} adds: size-1 dims dropped; dims sorted innermost-first with
 * the reduced dims (output stride 0) moved to the front, then by input stride; adjacent dims
 * merged where both operands step through them as one. The first two dims form the 2-D loop
 * that {@code cascade_sum} receives; the rest are walked outside it, the next dim fastest.
 * Strides are in elements.
 */
final class ReductionLayout {
    final int[] sizes;
    final int[] inStrides;
    final int[] outStrides;

    private ReductionLayout(int[] sizes, int[] inStrides, int[] outStrides) {
        this.sizes = sizes;
        this.inStrides = inStrides;
        this.outStrides = outStrides;
    }

    static ReductionLayout of(int[] shape, int[] strides, boolean[] reduced) {
        int[] kept = new int[shape.length];
        for (int d = 0; d < shape.length; d++) kept[d] = reduced[d] ? 1 : shape[d];
        int[] outContiguous = Shapes.contiguousStrides(kept);
        List<int[]> dims = new ArrayList<>(); // {size, inStride, outStride}, innermost first
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1) dims.add(new int[] {shape[d], strides[d], reduced[d] ? 0 : outContiguous[d]});
        }
        sort(dims);
        List<int[]> merged = coalesce(dims);
        int n = merged.size();
        int[] sizes = new int[n], in = new int[n], out = new int[n];
        for (int i = 0; i < n; i++) {
            sizes[i] = merged.get(i)[0];
            in[i] = merged.get(i)[1];
            out[i] = merged.get(i)[2];
        }
        return new ReductionLayout(sizes, in, out);
    }

    /** TensorIterator::reorder_dimensions: an insertion sort that tolerates ties. */
    private static void sort(List<int[]> dims) {
        for (int i = 1; i < dims.size(); i++) {
            int dim1 = i;
            for (int dim0 = i - 1; dim0 >= 0; dim0--) {
                int c = shouldSwap(dims.get(dim0), dims.get(dim1));
                if (c > 0) {
                    java.util.Collections.swap(dims, dim0, dim1);
                    dim1 = dim0;
                } else if (c < 0) {
                    break;
                }
            }
        }
    }

    /** 1 if a must come after b, -1 if before, 0 if undecided; the output is asked first. */
    private static int shouldSwap(int[] a, int[] b) {
        int outA = a[2], outB = b[2];
        if ((outA == 0) != (outB == 0)) return outB == 0 ? 1 : -1;
        int c = compareStrides(outA, outB, a[0], b[0]);
        return c != 0 ? c : compareStrides(a[1], b[1], a[0], b[0]);
    }

    private static int compareStrides(int s0, int s1, int size0, int size1) {
        if (s0 == 0 || s1 == 0) return 0;
        if (s0 != s1) return s0 < s1 ? -1 : 1;
        return size0 > size1 ? 1 : 0;
    }

    private static List<int[]> coalesce(List<int[]> dims) {
        List<int[]> out = new ArrayList<>();
        for (int[] d : dims) {
            int[] prev = out.isEmpty() ? null : out.get(out.size() - 1);
            if (prev != null && prev[0] * prev[1] == d[1] && prev[0] * prev[2] == d[2]) {
                prev[0] *= d[0];
            } else {
                out.add(d.clone());
            }
        }
        return out;
    }

    int dims() {
        return sizes.length;
    }

    int size(int d) {
        return d < sizes.length ? sizes[d] : 1;
    }

    int in(int d) {
        return d < sizes.length ? inStrides[d] : 0;
    }

    int out(int d) {
        return d < sizes.length ? outStrides[d] : 0;
    }
}

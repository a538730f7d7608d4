package dev.jautograd.loops;

import static dev.jautograd.internal.TensorInternals.storage;
import static dev.jautograd.internal.TensorInternals.viewOf;

import dev.jautograd.Shapes;
import dev.jautograd.Tensor;
import dev.jautograd.internal.TensorInternals;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The memory layout PyTorch's TensorIterator gives an elementwise result: {@code a.t().mul(2)}
 * is laid out like {@code a.t()} (strides (1, n), not contiguous), so {@code is_contiguous()}
 * and {@code stride()} of results agree with PyTorch.
 *
 * <p>The rule, as in TensorIterator: when every input has the result's shape and all are
 * contiguous, the result is contiguous; when all are non-overlapping and dense with the same
 * strides, the result takes those strides. Otherwise the dimensions are ordered by the strides
 * of the first input that tells them apart (broadcast dimensions tell nothing; equal strides put
 * the smaller dimension inside), and the result is dense in that order.
 *
 * <p>Inputs with the default strides of their shape (size-1 dimensions included) never reorder
 * dimensions, so callers skip all this for them. The loops themselves only write row-major results: {@link #compute} permutes the inputs so
 * that the wanted layout is row-major in permuted order, runs the loop, and relabels the result.
 */
final class OutputLayout {
    private OutputLayout() {}

    /** The result's strides, or null when it is simply contiguous (the common case, checked cheaply). */
    static int[] strides(int[] shape, Tensor... inputs) {
        if (shape.length < 2 || Shapes.numel(shape) == 0 || allContiguousOfShape(shape, inputs)) return null;
        int[] shared = sharedDenseStrides(shape, inputs);
        if (shared != null) return Arrays.equals(shared, Shapes.contiguousStrides(shape)) ? null : shared;
        int[] order = orderByInputs(shape, inputs);
        return isIdentity(order) ? null : denseStrides(shape, order);
    }

    /**
     * Runs {@code loop} on the inputs permuted so that {@code strides} is row-major order, and
     * returns its result relabelled to {@code shape} with those strides.
     */
    static Tensor compute(int[] shape, int[] strides, Function<Tensor[], Tensor> loop, Tensor... inputs) {
        long[] largestFirst = new long[shape.length];
        for (int d = 0; d < shape.length; d++) largestFirst[d] = -(long) strides[d];
        int[] outerFirst = stableOrder(largestFirst);
        int[] permutedShape = permute(shape, outerFirst);
        Tensor[] permuted = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            int[] along = Strided.broadcastStrides(inputs[i], shape);
            permuted[i] = viewOf(inputs[i], permutedShape, permute(along, outerFirst), inputs[i].storageOffset());
        }
        Tensor rowMajor = loop.apply(permuted);
        return TensorInternals.withStrides(storage(rowMajor), shape, strides);
    }

    /** TensorIterator's first fast setup; with a broadcast input it orders dimensions instead. */
    private static boolean allContiguousOfShape(int[] shape, Tensor[] inputs) {
        for (Tensor t : inputs) {
            if (!t.isContiguous() || !Arrays.equals(t.shape(), shape)) return false;
        }
        return true;
    }

    /** TensorIterator's fast setup: same shape, non-overlapping and dense, equal strides. */
    private static int[] sharedDenseStrides(int[] shape, Tensor[] inputs) {
        int[] first = null;
        for (Tensor t : inputs) {
            if (!Arrays.equals(t.shape(), shape) || !isNonOverlappingAndDense(t)) return null;
            if (first == null) first = t.stride();
            else if (!Arrays.equals(first, t.stride())) return null;
        }
        return first;
    }

    private static boolean isNonOverlappingAndDense(Tensor t) {
        int[] shape = t.shape(), strides = t.stride();
        long[] sizeOneFirstThenStride = new long[shape.length]; // a long key keeps the two apart
        for (int d = 0; d < shape.length; d++) sizeOneFirstThenStride[d] = (shape[d] == 1 ? 0 : 1L << 32) + strides[d];
        int[] dims = stableOrder(sizeOneFirstThenStride);
        int expected = 1;
        for (int d : dims) {
            if (shape[d] == 1) continue;
            if (strides[d] != expected) return false;
            expected *= shape[d];
        }
        return true;
    }

    /** TensorIterator's reorder_dimensions: an insertion sort, innermost first, then reversed. */
    private static int[] orderByInputs(int[] shape, Tensor[] inputs) {
        int n = shape.length;
        int[][] strides = new int[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            strides[i] = Strided.broadcastStrides(inputs[i], shape); // broadcast dimensions: 0, they tell nothing
        }
        int[] innerFirst = new int[n];
        for (int i = 0; i < n; i++) innerFirst[i] = n - 1 - i;
        for (int i = 1; i < n; i++) {
            int dim1 = i;
            for (int dim0 = i - 1; dim0 >= 0; dim0--) {
                int comparison = compare(strides, shape, innerFirst[dim0], innerFirst[dim1]);
                if (comparison > 0) {
                    int swap = innerFirst[dim0];
                    innerFirst[dim0] = innerFirst[dim1];
                    innerFirst[dim1] = swap;
                    dim1 = dim0;
                } else if (comparison < 0) {
                    break;
                }
            }
        }
        int[] outerFirst = new int[n];
        for (int i = 0; i < n; i++) outerFirst[i] = innerFirst[n - 1 - i];
        return outerFirst;
    }

    /** 1: dim0 belongs outside dim1; -1: inside; 0: no input tells. */
    private static int compare(int[][] strides, int[] shape, int dim0, int dim1) {
        for (int[] s : strides) {
            if (s[dim0] == 0 || s[dim1] == 0) continue;
            if (s[dim0] != s[dim1]) return s[dim0] < s[dim1] ? -1 : 1;
            if (shape[dim0] > shape[dim1]) return 1;
        }
        return 0;
    }

    private static boolean isIdentity(int[] order) {
        for (int i = 0; i < order.length; i++) {
            if (order[i] != i) return false;
        }
        return true;
    }

    private static int[] denseStrides(int[] shape, int[] outerFirst) {
        int[] strides = new int[shape.length];
        int next = 1;
        for (int i = outerFirst.length - 1; i >= 0; i--) {
            strides[outerFirst[i]] = next;
            next *= Math.max(shape[outerFirst[i]], 1);
        }
        return strides;
    }

    private static int[] permute(int[] values, int[] order) {
        int[] out = new int[order.length];
        for (int i = 0; i < order.length; i++) out[i] = values[order[i]];
        return out;
    }

    /**
     * The dims in ascending order of their keys, equal keys in dim order (a stable insertion
     * sort over a handful of dims). Plain loops, not boxed streams and comparator lambdas: those
     * cost a fresh JVM's first op here a millisecond or more to load and spin.
     */
    private static int[] stableOrder(long[] key) {
        int n = key.length;
        int[] dims = new int[n];
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long k = key[i];
            int j = i;
            for (; j > 0 && keys[j - 1] > k; j--) {
                keys[j] = keys[j - 1];
                dims[j] = dims[j - 1];
            }
            keys[j] = k;
            dims[j] = i;
        }
        return dims;
    }
}

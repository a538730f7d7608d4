package dev.jautograd.ops;

import dev.jautograd.DType;
import dev.jautograd.Shapes;
import dev.jautograd.Tensor;

/** Row-major positions read by each indexing op, with PyTorch's checks and messages. */
final class Positions {
    private Positions() {}

    /** Sizes before dim, at dim, after dim (the usual outer/n/inner split). */
    record Split(int outer, int n, int inner) {
        static Split of(int[] shape, int dim) {
            int outer = 1, inner = 1;
            for (int d = 0; d < dim; d++) outer *= shape[d];
            for (int d = dim + 1; d < shape.length; d++) inner *= shape[d];
            return new Split(outer, shape.length == 0 ? 1 : shape[dim], inner);
        }
    }

    static long[] indices(Tensor index, String op) {
        if (index.dtype() != DType.INT64) {
            throw new IllegalArgumentException(op + "(): Expected dtype int64 for index");
        }
        return index.toLongArray();
    }

    static long[] selectIndices(Tensor index) {
        if (index.dtype() != DType.INT64) {
            throw new IllegalArgumentException("index_select(): Expected dtype int32 or int64 for index");
        }
        return index.toLongArray();
    }

    /** index_select: whole slices along dim, in index order. */
    static int[] indexSelect(int[] shape, int dim, long[] index, boolean indexing) {
        var s = Split.of(shape, dim);
        int[] out = new int[s.outer() * index.length * s.inner()];
        int k = 0;
        for (int o = 0; o < s.outer(); o++) {
            for (long raw : index) {
                long i = raw < 0 && indexing ? raw + s.n() : raw;
                if (i < 0 || i >= s.n()) {
                    throw new IndexOutOfBoundsException(indexing ? "index " + raw + " is out of bounds for dimension "
                            + dim + " with size " + s.n() : outOfRange(dim, raw, s.n()));
                }
                for (int in = 0; in < s.inner(); in++) out[k++] = (int) ((o * s.n() + i) * s.inner() + in);
            }
        }
        return out;
    }

    /** PyTorch 1.13's CPU index_select reports dim 1 through fbgemm's check, other dims its own. */
    private static String outOfRange(int dim, long index, int size) {
        return dim == 1 ? "INDICES element is out of DATA bounds, id=" + index + " axis_dim=" + size
                : "index out of range in self";
    }

    /** gather: out[i][j][k] = input[i][index[i][j][k]][k] for dim 1 (index as large as input elsewhere at most). */
    static int[] gather(int[] shape, int dim, Tensor index) {
        int[] ishape = index.shape();
        if (ishape.length != Math.max(shape.length, 1) && !(shape.length == 0 && ishape.length <= 1)) {
            throw new IllegalArgumentException("Index tensor must have the same number of dimensions as input tensor");
        }
        for (int d = 0; d < ishape.length && shape.length > 0; d++) {
            if (d != dim && ishape[d] > shape[d]) {
                throw new IllegalArgumentException("Size does not match at dimension " + d + " expected index "
                        + Shapes.listString(ishape) + " to be smaller than self " + Shapes.listString(shape)
                        + " apart from dimension " + dim);
            }
        }
        long[] idx = indices(index, "gather");
        int[] strides = Shapes.contiguousStrides(shape), istrides = Shapes.contiguousStrides(ishape);
        int size = shape.length == 0 ? 1 : shape[dim];
        int[] out = new int[idx.length];
        for (int p = 0; p < idx.length; p++) {
            if (idx[p] < 0 || idx[p] >= size) {
                throw new IndexOutOfBoundsException("index " + idx[p] + " is out of bounds for dimension " + dim
                        + " with size " + size);
            }
            int at = 0;
            for (int d = 0; d < ishape.length && shape.length > 0; d++) {
                int coordinate = (p / istrides[d]) % ishape[d];
                at += (d == dim ? (int) idx[p] : coordinate) * strides[d];
            }
            out[p] = at;
        }
        return out;
    }

    /** A bool mask over the leading dims: the positions of each true entry's slice, in order. */
    static int[] mask(int[] shape, Tensor mask) {
        int[] mshape = mask.shape();
        for (int d = 0; d < mshape.length; d++) {
            if (d >= shape.length || mshape[d] != shape[d]) {
                throw new IndexOutOfBoundsException("The shape of the mask " + Shapes.listString(mshape)
                        + " at index " + d + " does not match the shape of the indexed tensor "
                        + Shapes.listString(shape) + " at index " + d);
            }
        }
        int inner = 1;
        for (int d = mshape.length; d < shape.length; d++) inner *= shape[d];
        long[] m = mask.toLongArray();
        int count = 0;
        for (long v : m) if (v != 0) count++;
        int[] out = new int[count * inner];
        for (int i = 0, k = 0; i < m.length; i++) {
            if (m[i] == 0) continue;
            for (int in = 0; in < inner; in++) out[k++] = i * inner + in;
        }
        return out;
    }
}

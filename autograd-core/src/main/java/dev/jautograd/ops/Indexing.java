package dev.jautograd.ops;

import static dev.jautograd.internal.TensorInternals.storage;

import dev.jautograd.DType;
import dev.jautograd.Shapes;
import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.loops.Copy;

/**
 * Indexing that copies, by an int64 index or a bool mask: each computes the positions it reads
 * ({@link Positions}) and hands them to {@link Take}. {@code index_put_} writes them instead
 * (IndexPutBackward0: the overwritten elements get no gradient, the values get theirs).
 */
public final class Indexing extends Node {
    private final int[] positions;
    private final int[] shape;
    private final int[] taken;

    private Indexing(Tensor input, Tensor values, int[] positions, int[] taken) {
        super("IndexPutBackward0", input, values);
        this.positions = positions;
        this.shape = input.shape();
        this.taken = taken;
    }

    public static Tensor indexSelect(Tensor input, int dim, Tensor index) {
        if (index.dim() > 1) throw new IndexOutOfBoundsException("index_select(): Index is supposed to be a vector");
        int d = Shapes.wrapDim(dim, input.dim());
        long[] idx = Positions.selectIndices(index);
        int[] shape = input.shape();
        if (shape.length > 0) shape[d] = idx.length;
        int[] positions = Positions.indexSelect(input.shape(), d, idx, false);
        return Take.apply("IndexSelectBackward0", input, positions, shape);
    }

    public static Tensor gather(Tensor input, int dim, Tensor index) {
        int d = Shapes.wrapDim(dim, input.dim());
        return Take.apply("GatherBackward0", input, Positions.gather(input.shape(), d, index), index.shape());
    }

    /** {@code x[index]}: an int64 tensor picks slices of dim 0, a bool tensor masks the leading dims. */
    public static Tensor index(Tensor input, Tensor index) {
        int[] positions = positions(input, index);
        return Take.apply("IndexBackward0", input, positions, indexedShape(input, index, positions));
    }

    /**
     * {@code x[i, j]} with int64 tensors (broadcast together) for the leading dims, e.g.
     * {@code logits[arange(n), labels]}: one element (or trailing slice) per index position.
     */
    public static Tensor index(Tensor input, Tensor... indices) {
        if (indices.length == 1) return index(input, indices[0]);
        int[] shape = input.shape();
        if (indices.length > shape.length) {
            throw new IndexOutOfBoundsException("too many indices for tensor of dimension " + shape.length);
        }
        int[] common = new int[0];
        for (Tensor index : indices) {
            if (index.dtype() != DType.INT64) {
                throw new IndexOutOfBoundsException("tensors used as indices must be long, byte or bool tensors");
            }
            common = Shapes.broadcast(common, index.shape());
        }
        int k = indices.length, inner = 1;
        for (int d = k; d < shape.length; d++) inner *= shape[d];
        int[] strides = Shapes.contiguousStrides(shape);
        int count = Shapes.numel(common);
        int[] positions = new int[count * inner];
        long[][] values = new long[k][];
        for (int j = 0; j < k; j++) values[j] = indices[j].expand(common).contiguous().toLongArray();
        for (int p = 0; p < count; p++) {
            int at = 0;
            for (int j = 0; j < k; j++) {
                long i = values[j][p];
                if (i < -shape[j] || i >= shape[j]) {
                    throw new IndexOutOfBoundsException("index " + i + " is out of bounds for dimension " + j
                            + " with size " + shape[j]);
                }
                at += (int) (i < 0 ? i + shape[j] : i) * strides[j];
            }
            for (int in = 0; in < inner; in++) positions[p * inner + in] = at + in;
        }
        int[] out = java.util.Arrays.copyOf(common, common.length + shape.length - k);
        System.arraycopy(shape, k, out, common.length, shape.length - k);
        return Take.apply("IndexBackward0", input, positions, out);
    }

    /** {@code masked_select(mask)}: the elements where the (broadcast) mask is true, as a 1-D tensor. */
    public static Tensor maskedSelect(Tensor input, Tensor mask) {
        if (mask.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("masked_select: expected BoolTensor or ByteTensor for mask");
        }
        int[] shape = Shapes.broadcast(input.shape(), mask.shape());
        Tensor x = Shapes.same(shape, input.shape()) ? input : input.expand(shape);
        int[] positions = Positions.mask(shape, Shapes.same(shape, mask.shape()) ? mask : mask.expand(shape));
        return Take.apply("MaskedSelectBackward0", x, positions, new int[] {positions.length});
    }

    /** {@code x[index] = values} out of place: a copy of input with values written at the indexed elements. */
    public static Tensor indexPut(Tensor input, Tensor index, Tensor values) {
        int[] positions = positions(input, index);
        int[] taken = indexedShape(input, index, positions);
        int[] target = Shapes.broadcast(taken, values.shape());
        if (!Shapes.same(target, taken)) {
            throw new IllegalArgumentException("shape mismatch: value tensor of shape " + Shapes.listString(
                    values.shape()) + " cannot be broadcast to indexing result of shape " + Shapes.listString(taken));
        }
        Tensor out = Copy.materialize(input, input.dtype());
        Tensor spread = TensorInternals.empty(input.dtype(), taken);
        Copy.copyInto(spread, values);
        for (int i = 0; i < positions.length; i++) storage(out).set(positions[i], storage(spread).get(i));
        return Graph.records(input, values) ? Graph.attach(out, new Indexing(input, values, positions, taken)) : out;
    }

    private static int[] positions(Tensor input, Tensor index) {
        if (index.dtype() == DType.BOOL) return Positions.mask(input.shape(), index);
        if (index.dtype() != DType.INT64) {
            throw new IndexOutOfBoundsException("tensors used as indices must be long, byte or bool tensors");
        }
        if (input.dim() == 0) throw new IndexOutOfBoundsException("invalid index of a 0-dim tensor. Use `tensor.item()` "
                + "in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number");
        return Positions.indexSelect(input.shape(), 0, index.toLongArray(), true);
    }

    private static int[] indexedShape(Tensor input, Tensor index, int[] positions) {
        int[] shape = input.shape();
        boolean mask = index.dtype() == DType.BOOL;
        int lead = mask ? index.dim() : 1;
        int[] head = mask ? new int[] {positions.length / Math.max(1, inner(shape, lead))} : index.shape();
        int[] out = new int[head.length + shape.length - lead];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(shape, lead, out, head.length, shape.length - lead);
        return out;
    }

    private static int inner(int[] shape, int from) {
        int n = 1;
        for (int d = from; d < shape.length; d++) n *= shape[d];
        return n;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        Tensor picked = Take.apply("IndexBackward0", grad, positions, taken);
        return new Tensor[] {
            needsInputGrad(0) ? grad.sub(Take.scatterAdd(picked, positions, shape)) : null,
            needsInputGrad(1) ? picked : null
        };
    }
}

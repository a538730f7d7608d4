package dev.jautograd.ops;

import static dev.jautograd.internal.TensorInternals.storage;

import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.storage.Storage;

/**
 * {@code F.embedding(indices, weight)}: row {@code indices[i]} of the weight for every index
 * (EmbeddingBackward0). The gradient scatters the output gradient's rows back, adding rows that
 * share an index in index order (as CPU {@code index_add_}), skipping the padding row.
 */
public final class Embedding extends Node {
    private final long[] indices;
    private final int numWeights;
    private final int paddingIdx;

    private Embedding(Tensor weight, long[] indices, int paddingIdx) {
        super("EmbeddingBackward0", weight);
        this.indices = indices;
        this.numWeights = weight.size(0);
        this.paddingIdx = paddingIdx;
    }

    /** paddingIdx -1 means none (a negative padding index is normalised by the caller). */
    public static Tensor apply(Tensor indices, Tensor weight, int paddingIdx) {
        if (indices.dtype() != DType.INT64) {
            throw new IllegalArgumentException("Expected tensor for argument #1 'indices' to have one of the following "
                    + "scalar types: Long, Int; but got " + indices.typeName() + " instead (while checking arguments "
                    + "for embedding)");
        }
        if (weight.dim() != 2) throw new IllegalArgumentException("'weight' must be 2-D");
        long[] idx = indices.toLongArray();
        for (long i : idx) {
            if (i < 0 || i >= weight.size(0)) throw new IndexOutOfBoundsException("index out of range in self");
        }
        Tensor out = gatherRows(weight, idx, indices.shape());
        return Graph.records(weight) ? Graph.attach(out, new Embedding(weight, idx, paddingIdx)) : out;
    }

    static Tensor gatherRows(Tensor table, long[] idx, int[] indexShape) {
        int dim = table.size(1);
        int[] shape = java.util.Arrays.copyOf(indexShape, indexShape.length + 1);
        shape[indexShape.length] = dim;
        // Only the rows asked for are read, so a large table costs nothing per lookup.
        Tensor dense = table.contiguous();
        Storage from = storage(dense), storage = Storage.allocate(table.dtype(), idx.length * dim);
        for (int i = 0; i < idx.length; i++) {
            int row = dense.storageOffset() + (int) idx[i] * dim;
            for (int j = 0; j < dim; j++) storage.set(i * dim + j, from.get(row + j));
        }
        return TensorInternals.wrap(storage, shape);
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        return new Tensor[] {EmbeddingDenseBackward.apply(grad, indices, numWeights, paddingIdx)};
    }
}

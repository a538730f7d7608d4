package dev.jautograd.ops;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.storage.Storage;

/**
 * Embedding's gradient, {@code embedding_dense_backward}: a zero table with the output gradient's
 * rows added at their indices. It is linear in the gradient, so its own gradient (for
 * create_graph) is the row lookup again, with the padding row's contributions zero.
 */
final class EmbeddingDenseBackward extends Node {
    private final long[] indices;
    private final int paddingIdx;
    private final int[] gradShape;

    private EmbeddingDenseBackward(Tensor grad, long[] indices, int paddingIdx) {
        super("EmbeddingDenseBackward0", grad);
        this.indices = indices;
        this.paddingIdx = paddingIdx;
        this.gradShape = grad.shape();
    }

    static Tensor apply(Tensor grad, long[] indices, int numWeights, int paddingIdx) {
        int dim = grad.size(-1);
        double[] g = grad.contiguous().toDoubleArray();
        Storage table = Storage.allocate(grad.dtype(), numWeights * dim);
        boolean f32 = grad.dtype() == dev.jautograd.DType.FLOAT32;
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] == paddingIdx) continue;
            int row = (int) indices[i] * dim;
            for (int j = 0; j < dim; j++) {
                double sum = table.get(row + j) + g[i * dim + j];
                table.set(row + j, f32 ? (float) sum : sum);
            }
        }
        Tensor out = TensorInternals.wrap(table, numWeights, dim);
        return Graph.records(grad) ? Graph.attach(out, new EmbeddingDenseBackward(grad, indices, paddingIdx)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor gradTable) {
        Storage idx = Storage.allocate(dev.jautograd.DType.INT64, indices.length);
        for (int i = 0; i < indices.length; i++) idx.setLong(i, indices[i]);
        Tensor rows = Embedding.apply(TensorInternals.wrap(idx, indices.length), gradTable, -1);
        if (paddingIdx >= 0) {
            Storage keep = Storage.allocate(gradTable.dtype(), indices.length);
            for (int i = 0; i < indices.length; i++) keep.set(i, indices[i] == paddingIdx ? 0 : 1);
            rows = rows.mul(TensorInternals.wrap(keep, indices.length, 1));
        }
        return new Tensor[] {rows.view(gradShape)};
    }
}

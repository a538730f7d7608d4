package dev.jautograd.nn;

import static dev.jautograd.internal.TensorInternals.storage;

import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.random.Generator;
import dev.jautograd.storage.FloatStorage;

/**
 * {@code nn.Embedding(num_embeddings, embedding_dim, padding_idx=None)}: a lookup table whose
 * weight is drawn as PyTorch's {@code normal_} draws it (same numbers after the same seed), the
 * padding row zeroed and kept out of the gradient.
 */
public final class Embedding extends Module {
    private final int numEmbeddings;
    private final int embeddingDim;
    private final Integer paddingIdx;
    private final Tensor weight;

    public Embedding(int numEmbeddings, int embeddingDim) {
        this(numEmbeddings, embeddingDim, null);
    }

    public Embedding(int numEmbeddings, int embeddingDim, Integer paddingIdx) {
        this.numEmbeddings = numEmbeddings;
        this.embeddingDim = embeddingDim;
        this.paddingIdx = paddingIdx == null ? null : normalise(paddingIdx, numEmbeddings);
        Tensor w = TensorInternals.empty(DType.FLOAT32, numEmbeddings, embeddingDim);
        Generator.defaultGenerator().normal(((FloatStorage) storage(w)).array(), 0, 1);
        if (this.paddingIdx != null) {
            for (int j = 0; j < embeddingDim; j++) storage(w).set(this.paddingIdx * embeddingDim + j, 0);
        }
        this.weight = registerParameter("weight", w);
    }

    private static int normalise(int paddingIdx, int numEmbeddings) {
        if (paddingIdx >= 0 && paddingIdx >= numEmbeddings) {
            throw new IllegalArgumentException("Padding_idx must be within num_embeddings");
        }
        if (paddingIdx < 0 && paddingIdx < -numEmbeddings) {
            throw new IllegalArgumentException("Padding_idx must be within num_embeddings");
        }
        return paddingIdx < 0 ? paddingIdx + numEmbeddings : paddingIdx;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.embedding(input, weight, paddingIdx);
    }

    public Tensor weight() {
        return weight;
    }

    @Override
    public String extraRepr() {
        return numEmbeddings + ", " + embeddingDim + (paddingIdx == null ? "" : ", padding_idx=" + paddingIdx);
    }
}

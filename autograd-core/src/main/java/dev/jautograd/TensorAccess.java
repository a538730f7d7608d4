package dev.jautograd;

import dev.jautograd.autograd.AccumulateGrad;
import dev.jautograd.autograd.Node;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.storage.Storage;

/** Hands {@link Tensor}'s package-private internals to {@link TensorInternals}; registered by Tensor. */
final class TensorAccess implements TensorInternals.Access {
    @Override public Storage storage(Tensor t) { return t.storage(); }

    @Override public void setGradFn(Tensor t, Node node) { t.setGradFn(node); }

    @Override public Tensor viewOf(Tensor t, int[] shape, int[] strides, int offset) {
        return t.viewOf(shape, strides, offset);
    }

    @Override public void checkInPlace(Tensor t) { t.checkInPlace(); }

    @Override public AccumulateGrad gradAccumulator(Tensor t) { return t.gradAccumulator(); }

    @Override public Tensor markParameter(Tensor t) { return t.markParameter(); }

    @Override public Tensor empty(DType dtype, int[] shape) { return Tensor.empty(dtype, shape); }

    @Override public Tensor emptyLike(Tensor like, DType dtype) { return Tensor.emptyLike(like, dtype); }

    @Override public Tensor withStrides(Storage storage, int[] shape, int[] strides) {
        return Tensor.withStrides(storage, shape, strides);
    }

    @Override public Tensor wrap(Storage storage, int[] shape) { return Tensor.wrap(storage, shape); }

    @Override public boolean sameShape(Tensor a, Tensor b) { return a.sameShape(b); }

    @Override public boolean hasDefaultStrides(Tensor t) { return t.hasDefaultStrides(); }

    @Override public int offsetOf(Tensor t, int[] index) { return t.offsetOf(index); }
}

package dev.jautograd.ops;

import static dev.jautograd.internal.TensorInternals.viewOf;

import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.loops.Copy;
import dev.jautograd.storage.Storage;

/**
 * Where a strided tensor's elements sit in its storage: sizes, strides, offset (PyTorch's
 * TensorGeometry). A view's gradient is laid out in its base's geometry, so the view's own
 * geometry picks the same elements out of it.
 */
public record Geometry(int[] shape, int[] strides, int offset) {
    public static Geometry of(Tensor t) {
        return new Geometry(t.shape(), t.stride(), t.storageOffset());
    }

    /** Storage elements needed to hold every element this geometry reaches. */
    int extent() {
        int last = offset;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] == 0) return 0;
            last += (shape[d] - 1) * Math.max(strides[d], 0);
        }
        return last + 1;
    }

    /** A tensor with this geometry over {@code storage} (no history). */
    Tensor over(Storage storage) {
        return viewOf(TensorInternals.wrap(storage, storage.size()), shape.clone(), strides.clone(), offset);
    }

    /** {@code values} (shaped as this geometry) written into a fresh zeroed storage of {@code extent}. */
    Storage layOut(Tensor values, DType dtype, int extent) {
        Storage storage = Storage.allocate(dtype, extent);
        Copy.copyInto(over(storage), values);
        return storage;
    }
}

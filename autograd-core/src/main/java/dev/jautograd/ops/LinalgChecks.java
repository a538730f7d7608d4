package dev.jautograd.ops;

import dev.jautograd.DType;
import dev.jautograd.Tensor;

/** Matrix products do not promote dtypes in PyTorch: mixing float32 and float64 is an error. */
final class LinalgChecks {
    private LinalgChecks() {}

    static void sameDtype(Tensor a, Tensor b) {
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException("expected scalar type " + a.dtype().scalarTypeName() + " but found "
                    + b.dtype().scalarTypeName());
        }
    }

}

package dev.jautograd.ops;

import dev.jautograd.Tensor;

/** PyTorch's refusal of integer inputs to softmax and log_softmax, named after its CPU kernels. */
final class SoftmaxChecks {
    private SoftmaxChecks() {}

    static void check(Tensor input, int dim, String op) {
        if (input.dtype().isFloatingPoint()) return;
        String kernel = op + (dim == Math.max(input.dim() - 1, 0) ? "_lastdim_kernel_impl" : "_kernel_impl");
        throw new IllegalArgumentException("\"" + kernel + "\" not implemented for '" + input.dtype().scalarTypeName() + "'");
    }
}

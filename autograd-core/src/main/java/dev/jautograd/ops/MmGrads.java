package dev.jautograd.ops;

import dev.jautograd.Tensor;

/**
 * ATen's mm_mat1_backward / mm_mat2_backward, shared by mm and addmm: an input that was
 * column-major (e.g. {@code weight.t()} in {@code nn.Linear}) gets its gradient computed as the
 * transpose of the transposed product, so it comes out column-major too. The same numbers in
 * exact arithmetic, but BLAS then adds the products in PyTorch's order, bit for bit. Each
 * result is a new product (or its transpose), so the nodes may hand it over (Node#owned).
 */
final class MmGrads {
    private MmGrads() {}

    static boolean columnMajor(Tensor t) {
        return t.stride(0) == 1 && t.stride(1) == t.size(0);
    }

    /** d(mat1) of mat1 @ mat2. */
    static Tensor mat1(Tensor grad, Tensor mat2, boolean mat1ColumnMajor) {
        return mat1ColumnMajor ? mat2.mm(grad.t()).t() : grad.mm(mat2.t());
    }

    /** d(mat2) of mat1 @ mat2. */
    static Tensor mat2(Tensor grad, Tensor mat1, boolean mat2ColumnMajor) {
        return mat2ColumnMajor ? grad.t().mm(mat1).t() : mat1.t().mm(grad);
    }
}

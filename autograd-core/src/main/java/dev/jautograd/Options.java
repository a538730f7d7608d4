package dev.jautograd;

/**
 * Keyword arguments of factories, spelled like libtorch's C++ frontend:
 * {@code Torch.tensor(new double[]{5.}, requiresGrad())} is {@code torch.tensor([5.], requires_grad=True)},
 * {@code Torch.zeros(new int[]{2, 3}, dtype(DType.FLOAT64).withRequiresGrad(true))} combines two.
 */
public final class Options {
    private static final Options DEFAULT = new Options(null, false);

    private final DType dtype;
    private final boolean requiresGrad;

    private Options(DType dtype, boolean requiresGrad) {
        this.dtype = dtype;
        this.requiresGrad = requiresGrad;
    }

    public static Options defaults() {
        return DEFAULT;
    }

    /** {@code requires_grad=True}. */
    public static Options requiresGrad() {
        return new Options(null, true);
    }

    /** {@code dtype=...}. */
    public static Options dtype(DType dtype) {
        return new Options(dtype, false);
    }

    public Options withDtype(DType newDtype) {
        return new Options(newDtype, requiresGrad);
    }

    public Options withRequiresGrad(boolean requires) {
        return new Options(dtype, requires);
    }

    /** The requested dtype, or {@code fallback} when none was given. */
    public DType dtypeOr(DType fallback) {
        return dtype != null ? dtype : fallback;
    }

    public boolean isRequiresGrad() {
        return requiresGrad;
    }

    /** Applies {@code requires_grad} to a freshly made tensor, with PyTorch's check for non-float dtypes. */
    Tensor applyTo(Tensor fresh) {
        if (!requiresGrad) return fresh;
        if (!fresh.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("Only Tensors of floating point and complex dtype can require gradients");
        }
        return fresh.requiresGrad_();
    }
}

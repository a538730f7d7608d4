package dev.jautograd.autograd;

/** What a failing {@code gradcheck} raises, as PyTorch's {@code torch.autograd.gradcheck.GradcheckError}. */
public final class GradcheckError extends RuntimeException {
    public GradcheckError(String message) {
        super(message);
    }
}

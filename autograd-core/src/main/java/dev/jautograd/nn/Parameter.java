package dev.jautograd.nn;

import static dev.jautograd.internal.TensorInternals.markParameter;

import dev.jautograd.Tensor;

/**
 * {@code nn.Parameter(t)}: Java cannot subclass the final {@link Tensor}, so a parameter is a
 * tensor carrying a flag ({@link Tensor#isParameter()}) that makes it print as torch's
 * {@code Parameter containing:} and lets a {@link Module} tell it from a plain tensor.
 */
public final class Parameter {
    private Parameter() {}

    /** As {@code nn.Parameter(data)}: a new leaf sharing data's storage, requiring grad. */
    public static Tensor of(Tensor data) {
        return of(data, true);
    }

    /** As {@code nn.Parameter(data, requires_grad=...)}. */
    public static Tensor of(Tensor data, boolean requiresGrad) {
        Tensor alias = data.detach();
        if (requiresGrad) alias.requiresGrad_();
        return markParameter(alias);
    }
}

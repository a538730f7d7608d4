package dev.jautograd.golden;

import static org.junit.jupiter.api.Assertions.fail;

import dev.jautograd.DType;
import dev.jautograd.Tensor;
import java.util.List;
import java.util.function.Function;

/**
 * The golden tables' float64 gradient checks, through the library's own
 * {@link dev.jautograd.autograd.GradCheck} (PyTorch's gradcheck: eps 1e-6, atol 1e-5, rtol 1e-3),
 * so every table case also exercises the public gradcheck and gradgradcheck.
 */
final class GradCheck {
    private GradCheck() {}

    /** Checks every input that requires grad; {@code f} must give a float64 output. */
    static void gradcheck(Function<List<Tensor>, Tensor> f, List<Tensor> inputs) {
        checkFloat64(f.apply(inputs));
        dev.jautograd.autograd.GradCheck.gradcheck(xs -> new Tensor[] {f.apply(List.of(xs))}, inputs.toArray(Tensor[]::new));
    }

    /** Second order: the vector-Jacobian products, with random v that requires grad too, pass gradcheck. */
    static void gradgradcheck(Function<List<Tensor>, Tensor> f, List<Tensor> inputs) {
        checkFloat64(f.apply(inputs));
        dev.jautograd.autograd.GradCheck.gradgradcheck(xs -> new Tensor[] {f.apply(List.of(xs))},
                inputs.toArray(Tensor[]::new));
    }

    private static void checkFloat64(Tensor out) {
        if (out.dtype() != DType.FLOAT64) fail("gradcheck needs a float64 output, got " + out.dtype());
    }
}

package dev.jautograd.golden;

import dev.jautograd.Tensor;
import java.util.List;
import java.util.function.Function;

/** GradCheck for tests in other packages (the nn goldens). */
public final class GradCheckAccess {
    private GradCheckAccess() {}

    public static void gradcheck(Function<List<Tensor>, Tensor> f, List<Tensor> inputs) {
        GradCheck.gradcheck(f, inputs);
    }

    public static void gradgradcheck(Function<List<Tensor>, Tensor> f, List<Tensor> inputs) {
        GradCheck.gradgradcheck(f, inputs);
    }
}

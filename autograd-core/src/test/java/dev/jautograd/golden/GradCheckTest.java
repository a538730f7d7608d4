package dev.jautograd.golden;

import com.google.gson.JsonObject;
import dev.jautograd.DType;
import dev.jautograd.Tensor;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Finite-difference gradient checks in float64 for every differentiable case of ops.json (every
 * differentiable op, with its broadcasting shapes and scalar forms): floating inputs are widened
 * to float64, integer and bool inputs kept; and second order (gradgradcheck) for each, so a new
 * row in ops.txt is checked both ways with no list to extend (for an op whose derivative is
 * constant the second-order check is cheap and still proves the backward is differentiable).
 */
class GradCheckTest {
    static Stream<Named<JsonObject>> differentiable() {
        return Goldens.cases("ops.json").filter(c -> isDifferentiable(c.getPayload()));
    }

    /**
     * Output requires grad through an input (not a factory's own leaf), and finite differences
     * mean something: not at kinks or domain edges (the at_kinks cases pin PyTorch's
     * subgradients, inf and nan there), not a cast to float32 (which cannot resolve a 1e-6 step).
     */
    private static boolean isDifferentiable(JsonObject golden) {
        boolean castToFloat32 = golden.get("op").getAsString().equals("to")
                && golden.getAsJsonObject("args").get("dtype").getAsString().equals("float32");
        boolean hasGradInput = golden.getAsJsonArray("inputs").asList().stream()
                .anyMatch(input -> input.getAsJsonObject().get("requires_grad").getAsBoolean());
        return golden.get("requires_grad").getAsBoolean() && hasGradInput && !castToFloat32
                && !golden.get("at_kinks").getAsBoolean();
    }

    @ParameterizedTest
    @MethodSource("differentiable")
    void gradcheck(JsonObject golden) {
        GradCheck.gradcheck(xs -> OpTable.run(golden, xs), float64Inputs(golden));
    }

    @ParameterizedTest
    @MethodSource("differentiable")
    void gradgradcheck(JsonObject golden) {
        GradCheck.gradgradcheck(xs -> OpTable.run(golden, xs), float64Inputs(golden));
    }

    private static List<Tensor> float64Inputs(JsonObject golden) {
        return golden.getAsJsonArray("inputs").asList().stream().map(JsonObject.class::cast).map(input -> {
            DType dtype = Goldens.dtype(input.get("dtype").getAsString());
            return Goldens.tensor(input, dtype.isFloatingPoint() ? DType.FLOAT64 : dtype);
        }).toList();
    }
}

package dev.jautograd.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import dev.jautograd.golden.Goldens;
import dev.jautograd.optim.Adam;
import dev.jautograd.optim.AdamW;
import dev.jautograd.optim.Optimizer;
import dev.jautograd.optim.SGD;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Optimisers fed PyTorch's own gradients for 6 steps (gen_nn.py "optim"): the parameter after
 * every step must be the same bits, float32 and float64, since no reduction is involved.
 */
class OptimizerGoldenTest {
    static final Map<String, Function<List<Tensor>, Optimizer>> OPTIMIZERS = Map.of(
            "sgd", p -> new SGD(p, 0.1),
            "sgd_momentum", p -> new SGD(p, 0.1, 0.9),
            "sgd_dampening_weight_decay", p -> new SGD(p, 0.05, 0.8, 0.25, 0.1, false),
            "sgd_nesterov", p -> new SGD(p, 0.1, 0.9, 0, 0, true),
            "adam", p -> new Adam(p, 0.01),
            "adam_betas_eps", p -> new Adam(p, 0.1, 0.5, 0.9, 1e-3, 0, false),
            "adam_weight_decay", p -> new Adam(p, 0.01, 0.9, 0.999, 1e-8, 0.1, false),
            "adam_amsgrad", p -> new Adam(p, 0.01, 0.9, 0.999, 1e-8, 0, true),
            "adamw", p -> new AdamW(p, 0.01),
            "adamw_amsgrad", p -> new AdamW(p, 0.05, 0.9, 0.999, 1e-8, 0.5, true));

    static Stream<Named<JsonObject>> cases() {
        return NnGoldens.section("optim");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyStepIsPyTorchsBitForBit(JsonObject golden) {
        Tensor p = Goldens.tensor(golden.getAsJsonObject("start")).requiresGrad_();
        Optimizer optimizer = OPTIMIZERS.get(golden.get("optimizer").getAsString()).apply(List.of(p));
        assertEquals(golden.get("repr").getAsString(), optimizer.toString());
        var grads = golden.getAsJsonArray("grads");
        var after = golden.getAsJsonArray("after");
        for (int step = 0; step < grads.size(); step++) {
            p.setGrad(Goldens.tensor(grads.get(step).getAsJsonObject()));
            optimizer.step();
            double[] expected = Goldens.doubles(after.get(step).getAsJsonObject().getAsJsonArray("values"));
            assertArrayEquals(expected, p.toDoubleArray(), "after step " + (step + 1));
        }
    }

    @Test
    void zeroGradKeepsZerosByDefaultAndDropsThemOnRequest() {
        Tensor p = Torch.ones(2).requiresGrad_();
        var sgd = new SGD(List.of(p), 0.1);
        p.mul(3).sum().backward();
        sgd.zeroGrad();
        assertEquals("tensor([0., 0.])", p.grad().toString());
        sgd.step();
        assertEquals("tensor([1., 1.], requires_grad=True)", p.toString(), "a zero gradient still steps (by 0)");
        sgd.zeroGrad(true);
        assertEquals(null, p.grad());
    }

    static final List<Tensor> ONE = List.of(Torch.ones(1).requiresGrad_());

    static final Map<String, Runnable> BAD = Map.of(
            "sgd_negative_lr", () -> new SGD(ONE, -0.1),
            "sgd_negative_momentum", () -> new SGD(ONE, 0.1, -0.5),
            "sgd_negative_weight_decay", () -> new SGD(ONE, 0.1, 0, 0, -1e-05, false),
            "sgd_nesterov_without_momentum", () -> new SGD(ONE, 0.1, 0, 0, 0, true),
            "adam_beta2_one", () -> new Adam(ONE, 1e-3, 0.9, 1.0, 1e-8, 0, false),
            "adam_negative_eps", () -> new Adam(ONE, 1e-3, 0.9, 0.999, -1e-08, 0, false),
            "adamw_empty", () -> new AdamW(List.of()),
            "adam_non_leaf", () -> new Adam(List.of(ONE.get(0).mul(2))));

    static Stream<Named<JsonObject>> errors() {
        return NnGoldens.section("optim_errors");
    }

    @ParameterizedTest
    @MethodSource("errors")
    void badHyperparametersHavePyTorchsMessages(JsonObject golden) {
        var e = assertThrows(IllegalArgumentException.class, BAD.get(golden.get("name").getAsString())::run);
        assertEquals(golden.get("message").getAsString(), e.getMessage());
    }
}

package dev.jautograd.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import dev.jautograd.golden.Goldens;
import dev.jautograd.loops.Loops;
import dev.jautograd.optim.Adam;
import dev.jautograd.optim.AdamW;
import dev.jautograd.optim.Optimizer;
import dev.jautograd.optim.SGD;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seeded training runs of gen_training.py, step for step: {@code loss.item()} must be the same
 * double (so it prints the same digits) on every step, and the final parameters the same floats.
 */
class TrainingParityTest {
    record Setup(Module model, Tensor x, Tensor y, Loss criterion) {}

    record Scenario(Supplier<Setup> setup, Function<List<Tensor>, Optimizer> optimizer) {}

    static Setup classification(long seed, Supplier<Module> act) {
        Torch.manualSeed(seed);
        var model = new Sequential(new Linear(4, 8), act.get(), new Linear(8, 3));
        return new Setup(model, Torch.randn(16, 4), Torch.randint(0, 3, 16), new CrossEntropyLoss());
    }

    static Setup regression(long seed, Supplier<Module> act) {
        Torch.manualSeed(seed);
        var model = new Sequential(new Linear(4, 8), act.get(), new Linear(8, 1));
        return new Setup(model, Torch.randn(16, 4), Torch.randn(16, 1), new MSELoss());
    }

    static Setup binary(long seed, Supplier<Module> act) {
        Torch.manualSeed(seed);
        var model = new Sequential(new Linear(4, 6), act.get(), new Linear(6, 1));
        var x = Torch.randn(16, 4);
        return new Setup(model, x, Torch.rand(16, 1).gt(0.5).to(DType.FLOAT32), new BCEWithLogitsLoss());
    }

    static final Map<String, Scenario> SCENARIOS = Map.of(
            "sgd_momentum_mse", new Scenario(() -> regression(0, ReLU::new), p -> new SGD(p, 0.05, 0.9)),
            "sgd_momentum_cross_entropy", new Scenario(() -> classification(1, Tanh::new), p -> new SGD(p, 0.1, 0.9)),
            "sgd_plain_cross_entropy", new Scenario(() -> classification(2, ReLU::new), p -> new SGD(p, 0.2)),
            "sgd_nesterov_weight_decay", new Scenario(() -> classification(3, Tanh::new),
                    p -> new SGD(p, 0.1, 0.9, 0, 1e-3, true)),
            "sgd_dampening_bce_logits", new Scenario(() -> binary(4, Sigmoid::new),
                    p -> new SGD(p, 0.3, 0.5, 0.3, 0, false)),
            "adam_cross_entropy", new Scenario(() -> classification(5, ReLU::new), p -> new Adam(p, 0.01)),
            "adam_mse", new Scenario(() -> regression(6, Tanh::new), p -> new Adam(p, 0.02)),
            "adam_amsgrad_weight_decay", new Scenario(() -> regression(7, ReLU::new),
                    p -> new Adam(p, 0.01, 0.9, 0.999, 1e-8, 0.01, true)),
            "adamw_cross_entropy", new Scenario(() -> classification(8, Tanh::new), p -> new AdamW(p, 0.01)));

    static Stream<Named<JsonObject>> cases() {
        return Goldens.cases("training.json");
    }

    /** The losses of a run, step by step, and the model after it. */
    private static List<Double> train(JsonObject golden, Setup[] out) {
        Scenario scenario = SCENARIOS.get(golden.get("name").getAsString());
        Setup s = scenario.setup().get();
        Optimizer optimizer = scenario.optimizer().apply(s.model().parameters());
        List<Double> losses = new ArrayList<>();
        for (int step = 0; step < golden.getAsJsonArray("losses").size(); step++) {
            optimizer.zeroGrad();
            Tensor loss = s.criterion().forward(s.model().forward(s.x()), s.y());
            losses.add(loss.item());
            loss.backward();
            optimizer.step();
        }
        out[0] = s;
        return losses;
    }

    private static List<String> printed(JsonObject golden) {
        return golden.getAsJsonArray("printed").asList().stream().map(e -> e.getAsString()).toList();
    }

    /** Every step within float32 rounding of PyTorch's, and the final parameters too. */
    @ParameterizedTest
    @MethodSource("cases")
    void everyStepIsCloseToPyTorchs(JsonObject golden) {
        Setup[] run = new Setup[1];
        List<Double> losses = train(golden, run);
        double[] expected = Goldens.doubles(golden.getAsJsonArray("losses"));
        Goldens.assertClose(expected, losses.stream().mapToDouble(Double::doubleValue).toArray(), DType.FLOAT32, "losses");
        var finalState = golden.getAsJsonObject("final");
        run[0].model().stateDict().forEach((key, value) -> Goldens.assertTensor(finalState.get(key), value, key));
    }

    /**
     * Every printed loss.item() identical: each op of the step rounds as PyTorch 1.13's CPU kernels
     * do (float32 sums in SumKernel's cascade order, Sleef's exp/log/tanh, fused multiply-adds in
     * tanh's and log_softmax's backward; ParityGoldenTest checks these to the bit). Not under
     * -Djautograd.loops=plain: its matmul sums each dot product in double and rounds once (the
     * reference the fast paths are checked against), where PyTorch's BLAS rounds every float32
     * step, so Linear's output differs in the last bit from the first step; the test above holds.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void everyStepPrintsPyTorchsLoss(JsonObject golden) {
        assumeTrue(Loops.fastPaths(), "plain loops: matmul in double, not PyTorch's float32 BLAS order");
        List<String> actual = train(golden, new Setup[1]).stream().map(PyRepr::number).toList();
        assertEquals(String.join("\n", printed(golden)), String.join("\n", actual));
    }
}

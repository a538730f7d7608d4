package dev.jautograd.golden;

import static dev.jautograd.Options.requiresGrad;

import dev.jautograd.Torch;
import dev.jautograd.nn.Functional;
import dev.jautograd.nn.Linear;
import dev.jautograd.optim.SGD;
import java.util.Map;
import java.util.function.Consumer;

/** The training scenarios of gen_autograd.py: a few SGD steps whose losses and weights must match PyTorch's. */
final class TrainingScenarios {
    private TrainingScenarios() {}

    static final Map<String, Consumer<Steps>> SCENARIOS = Map.of(
            "sgd_linear_regression", TrainingScenarios::sgdLinearRegression,
            "nn_linear_trained_by_sgd", TrainingScenarios::nnLinearTrainedBySgd);

    static void sgdLinearRegression(Steps r) {
        var inputs = Torch.tensor(new double[][] {{0, 1}, {1, 0}, {1, 1}, {2, 1}, {0.5, -1}});
        var targets = Torch.tensor(new double[][] {{1}, {2}, {3}, {5}, {0}});
        var w = Torch.zeros(new int[] {2, 1}, requiresGrad());
        var b = Torch.zeros(new int[] {1}, requiresGrad());
        double lr = 0.1;
        for (int step = 0; step < 5; step++) {
            var loss = inputs.matmul(w).add(b).sub(targets).pow(2).mean();
            r.show("loss " + step, loss);
            loss.backward();
            try (var noGrad = Torch.noGrad()) {
                w.sub_(w.grad().mul(lr));
                b.sub_(b.grad().mul(lr));
            }
            w.grad().zero_();
            b.grad().zero_();
        }
        r.show("w", w);
        r.show("b", b);
        r.show("w.grad", w.grad());
    }

    static void nnLinearTrainedBySgd(Steps r) {
        Torch.manualSeed(0);
        var layer = new Linear(3, 2);
        r.show("initial weight", layer.weight().detach());
        r.show("initial bias", layer.bias().detach());
        var optimizer = new SGD(layer.parameters(), 0.5);
        var inputs = Torch.tensor(new double[][] {{1, 0, -1}, {0.5, 2, 0}, {-1, 1, 1}, {0, -0.5, 2}});
        var labels = Torch.tensor(new long[] {0, 1, 1, 0});
        for (int step = 0; step < 3; step++) {
            optimizer.zeroGrad();
            var loss = Functional.crossEntropy(layer.forward(inputs), labels);
            r.show("loss " + step, loss);
            loss.backward();
            optimizer.step();
        }
        r.show("weight", layer.weight().detach());
        r.show("bias", layer.bias().detach());
        r.show("weight.grad", layer.weight().grad());
    }
}

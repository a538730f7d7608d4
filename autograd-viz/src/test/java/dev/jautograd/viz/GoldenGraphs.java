package dev.jautograd.viz;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import dev.jautograd.nn.Functional;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The computations of tools/goldens/gen_graphs.py, rebuilt in Java line for line, and the
 * golden file PyTorch wrote for them.
 */
final class GoldenGraphs {
    private GoldenGraphs() {}

    static final Map<String, Supplier<Tensor>> CASES = Map.of(
            "seed_y", GoldenGraphs::seedY,
            "seed_loss", GoldenGraphs::seedLoss,
            "mlp_small", () -> mlp(3, 5, 1),
            "mlp_deep", () -> mlp(4, 4, 4, 4, 4, 4, 4, 4, 1),
            "shared_and_reductions", GoldenGraphs::sharedAndReductions,
            "no_grad_input", GoldenGraphs::noGradInput,
            "linear_mse", () -> linearMlp("mse"),
            "linear_cross_entropy", () -> linearMlp("cross_entropy"));

    static Tensor leaf(int... shape) {
        return Torch.ones(shape).requiresGrad_();
    }

    static Tensor seedY() {
        Tensor a = Torch.tensor(new double[] {5}).requiresGrad_();
        Tensor b = Torch.tensor(new double[] {6}).requiresGrad_();
        return a.pow(3).sub(b.pow(2));
    }

    static Tensor seedLoss() {
        Tensor b = Torch.tensor(new double[] {6}).requiresGrad_();
        Tensor w = leaf(10, 1);
        Tensor x = leaf(1, 10);
        Tensor output = Torch.matmul(x, w).add(b);
        return output.rsub(1);
    }

    /** relu between layers, mean squared error against a constant target; x needs no grad. */
    static Tensor mlp(int... widths) {
        Tensor h = Torch.ones(4, widths[0]);
        for (int i = 0; i < widths.length - 1; i++) {
            Tensor w = leaf(widths[i], widths[i + 1]), b = leaf(widths[i + 1]);
            h = h.matmul(w).add(b);
            if (i < widths.length - 2) h = h.relu();
        }
        return h.sub(Torch.zeros(4, widths[widths.length - 1])).pow(2).mean();
    }

    static Tensor sharedAndReductions() {
        Tensor a = leaf(2, 3);
        Tensor c = a.mul(a);
        Tensor s = a.t().matmul(c).sum(0);
        return s.sigmoid().tanh().exp().add(a.sum()).sum(0, true);
    }

    static Tensor noGradInput() {
        Tensor w = leaf(3);
        Tensor x = Torch.arange(3.0);
        return x.mul(w).sum().div(2);
    }

    /** F.linear layers (AddmmBackward0 over TBackward0) and a torch.nn.functional loss. */
    static Tensor linearMlp(String loss) {
        Tensor x = Torch.ones(4, 3);
        Tensor w1 = leaf(5, 3), b1 = leaf(5), w2 = leaf(2, 5), b2 = leaf(2);
        Tensor out = Functional.linear(Functional.relu(Functional.linear(x, w1, b1)), w2, b2);
        if (loss.equals("mse")) return Functional.mseLoss(out, Torch.zeros(4, 2));
        return Functional.crossEntropy(out, Torch.tensor(new long[] {0, 1, 1, 0}));
    }

    record Case(String name, List<Integer> outputShape, List<NodeRow> nodes, List<List<Integer>> edges) {
        @Override
        public String toString() {
            return name;
        }
    }

    record NodeRow(String name, List<String> attributes, List<Integer> leafShape) {}

    static List<Case> load() {
        var stream = GoldenGraphs.class.getResourceAsStream("/goldens/graphs.json");
        try (var reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            var root = new Gson().fromJson(reader, JsonObject.class);
            var gson = new Gson();
            return root.getAsJsonArray("cases").asList().stream()
                    .map(c -> gson.fromJson(c, CaseJson.class).toCase()).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // Field names as the Python generator writes them.
    private record CaseJson(String name, List<Integer> output_shape, List<NodeJson> nodes, List<List<Integer>> edges) {
        Case toCase() {
            return new Case(name, output_shape, nodes.stream().map(NodeJson::toRow).toList(), edges);
        }
    }

    private record NodeJson(String name, List<String> attributes, List<Integer> leaf_shape) {
        NodeRow toRow() {
            return new NodeRow(name, attributes, leaf_shape);
        }
    }
}

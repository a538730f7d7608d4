package dev.jautograd.autograd;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import dev.jautograd.nn.Functional;
import dev.jautograd.nn.Linear;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Memory: backward frees what each node saved (PyTorch's default), so a training loop holds
 * no step's activations after that step; retain_graph keeps them for a second backward.
 */
class SavedTensorReleaseTest {

    /** One MLP step's loss: addmm, relu, log-softmax and nll nodes, all of which save tensors. */
    private static Tensor mlpLoss() {
        Torch.manualSeed(3);
        Linear hidden = new Linear(6, 5), output = new Linear(5, 3);
        Tensor images = Torch.randn(4, 6), labels = Torch.tensor(new long[] {0, 2, 1, 2});
        return Functional.crossEntropy(output.forward(hidden.forward(images).relu()), labels);
    }

    private static List<Node> graph(Tensor root) {
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        var pending = new ArrayDeque<Node>(List.of(root.gradFn()));
        var nodes = new ArrayList<Node>();
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (!seen.add(node)) continue;
            nodes.add(node);
            node.nextFunctions().stream().map(Edge::function).filter(Objects::nonNull).forEach(pending::push);
        }
        return nodes;
    }

    private static long liveSaved(List<Node> nodes) {
        return nodes.stream().flatMap(n -> n.savedTensors().stream()).filter(Objects::nonNull).count();
    }

    @Test
    void backwardReleasesEverySavedTensor() {
        Tensor loss = mlpLoss();
        List<Node> nodes = graph(loss);
        assertTrue(liveSaved(nodes) >= 4, "the graph should save tensors before backward");
        loss.backward();
        assertTrue(liveSaved(nodes) == 0, "saved tensors still held after backward: " + liveSaved(nodes));
        assertTrue(nodes.stream().filter(n -> !(n instanceof AccumulateGrad)).allMatch(Node::isReleased));
    }

    @Test
    void retainGraphKeepsThemForASecondBackward() {
        Tensor loss = mlpLoss();
        List<Node> nodes = graph(loss);
        long before = liveSaved(nodes);
        loss.backward(null, true);
        assertTrue(liveSaved(nodes) == before);
        assertFalse(nodes.stream().anyMatch(Node::isReleased));
        loss.backward();
        assertTrue(liveSaved(nodes) == 0);
    }
}

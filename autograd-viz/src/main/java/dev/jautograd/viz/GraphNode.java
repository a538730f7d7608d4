package dev.jautograd.viz;

import dev.jautograd.Tensor;
import java.util.List;

/**
 * One box of the graph.
 *
 * @param id      position in the drawing order: outputs first, then functions depth first as
 *                torchviz walks {@code next_functions}, each tensor box right after its function
 * @param kind    what the box stands for
 * @param title   PyTorch's class name for a function ({@code PowBackward0}); empty for a tensor,
 *                whose name is looked up when the picture is drawn
 * @param details the lines under the title: a tensor's shape and gradient, a function's attributes
 *                and whether its saved values were freed
 * @param tensor  the tensor of a tensor box, for name lookup by identity; null for a function
 */
public record GraphNode(int id, NodeKind kind, String title, List<String> details, Tensor tensor) {
    public GraphNode {
        details = List.copyOf(details);
    }
}

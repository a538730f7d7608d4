package dev.jautograd.viz;

import java.util.ArrayList;
import java.util.List;

/**
 * The graph behind one or more tensors, as boxes and arrows, before any layout.
 *
 * @param nodes     the boxes, indexed by {@link GraphNode#id()}
 * @param edges     the arrows, in the order the walk met them
 * @param freed     whether some function's saved tensors were already freed by {@code backward()}
 * @param truncated whether the walk stopped at {@link GraphBuilder#MAX_NODES} boxes
 */
public record AutogradGraph(List<GraphNode> nodes, List<GraphEdge> edges, boolean freed, boolean truncated) {
    public AutogradGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    public GraphNode node(int id) {
        return nodes.get(id);
    }

    /** The lines written in a box: a function's name or a tensor's name (if known), then details. */
    public List<String> lines(GraphNode node, NameResolver names) {
        var lines = new ArrayList<String>();
        String head = node.kind().isTensor() ? names.nameOf(node.tensor()) : node.title();
        if (head != null && !head.isEmpty()) lines.add(head);
        lines.addAll(node.details());
        return lines;
    }

    /** Boxes of one kind, in id order. */
    public List<GraphNode> nodesOf(NodeKind kind) {
        return nodes.stream().filter(n -> n.kind() == kind).toList();
    }
}

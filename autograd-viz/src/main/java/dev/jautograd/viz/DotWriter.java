package dev.jautograd.viz;

import java.util.Map;

/**
 * The graph in Graphviz's DOT language, styled like torchviz (filled boxes, same colour per kind),
 * for people who have {@code dot} installed or want to paste the graph elsewhere.
 */
final class DotWriter {
    private static final Map<NodeKind, String[]> COLOURS = Map.of(
            NodeKind.OUTPUT, new String[] {"#dcfce7", "#16a34a"},
            NodeKind.LEAF, new String[] {"#dbeafe", "#3b82f6"},
            NodeKind.BACKWARD, new String[] {"#f1f5f9", "#94a3b8"},
            NodeKind.ACCUMULATE_GRAD, new String[] {"#f3e8ff", "#a855f7"},
            NodeKind.SAVED, new String[] {"#ffedd5", "#f97316"});

    private DotWriter() {}

    static String write(AutogradGraph graph, NameResolver names) {
        var dot = new StringBuilder("digraph autograd {\n");
        dot.append("  graph [rankdir=TB];\n");
        dot.append("  node [shape=box, style=\"rounded,filled\", fontname=\"monospace\", fontsize=12];\n");
        for (GraphNode node : graph.nodes()) {
            String[] colours = COLOURS.get(node.kind());
            dot.append("  n").append(node.id()).append(" [label=\"")
                    .append(quote(String.join("\n", graph.lines(node, names))))
                    .append("\", fillcolor=\"").append(colours[0]).append("\", color=\"").append(colours[1])
                    .append("\"];\n");
        }
        for (GraphEdge edge : graph.edges()) {
            dot.append("  n").append(edge.from()).append(" -> n").append(edge.to())
                    .append(edge.saved() ? " [style=dashed, arrowhead=none]" : "").append(";\n");
        }
        return dot.append("}\n").toString();
    }

    private static String quote(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}

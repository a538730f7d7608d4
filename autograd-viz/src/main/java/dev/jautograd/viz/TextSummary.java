package dev.jautograd.viz;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code text/plain} face of a graph, which must read on its own (a console, a log, a reader
 * without images): a headline, then the graph as an indented tree from each output back to its
 * leaves, each box once (a box met again says so instead of repeating its inputs), cut short for
 * big graphs.
 *
 * <pre>
 * autograd graph of y (1): 5 functions, 2 leaves
 * y (1)
 * └─ SubBackward0
 *    ├─ PowBackward0
 *    │  └─ AccumulateGrad
 *    │     └─ a (1) grad=tensor([75.])
 *    └─ PowBackward0
 * ...
 * </pre>
 */
final class TextSummary {
    private static final int MAX_LINES = 12;

    private TextSummary() {}

    static String write(AutogradGraph graph, NameResolver names) {
        var lines = new ArrayList<String>();
        lines.add(headline(graph, names));
        var body = new ArrayList<String>();
        var shown = new HashSet<Integer>();
        for (GraphNode output : graph.nodesOf(NodeKind.OUTPUT)) tree(graph, names, output, "", "", false, shown, body);
        body.stream().limit(MAX_LINES).forEach(lines::add);
        if (body.size() > MAX_LINES) lines.add("... " + (body.size() - MAX_LINES) + " more lines (toSvg(), toDot())");
        notes(graph).forEach(lines::add);
        return String.join("\n", lines);
    }

    /** One sentence: what the outputs are and how big the graph is; also the SVG's title. */
    static String headline(AutogradGraph graph, NameResolver names) {
        String outputs = graph.nodesOf(NodeKind.OUTPUT).stream()
                .map(n -> oneLine(graph, n, names)).collect(Collectors.joining(", "));
        long functions = graph.nodes().stream().filter(n -> !n.kind().isTensor()).count();
        int leaves = graph.nodesOf(NodeKind.LEAF).size();
        return "autograd graph of " + outputs + ": " + functions + (functions == 1 ? " function, " : " functions, ")
                + leaves + (leaves == 1 ? " leaf" : " leaves");
    }

    static List<String> notes(AutogradGraph graph) {
        var notes = new ArrayList<String>();
        if (graph.freed()) notes.add("backward() has run: saved tensors are freed (retain_graph=True keeps them)");
        if (graph.truncated()) notes.add("truncated at " + GraphBuilder.MAX_NODES + " boxes");
        return notes;
    }

    /**
     * A box and, under it, what flows into it. {@code lead} prefixes this box's line (its branch),
     * {@code indent} the lines of its inputs.
     */
    private static void tree(AutogradGraph graph, NameResolver names, GraphNode node, String lead, String indent,
                             boolean saved, Set<Integer> shown, List<String> out) {
        String label = oneLine(graph, node, names) + (saved ? " (saved)" : "");
        var inputs = graph.edges().stream().filter(e -> e.to() == node.id()).toList();
        if (!shown.add(node.id())) {
            out.add(lead + label + (inputs.isEmpty() ? "" : " (its inputs are above)"));
            return;
        }
        out.add(lead + label);
        for (int i = 0; i < inputs.size(); i++) {
            boolean last = i == inputs.size() - 1;
            GraphEdge edge = inputs.get(i);
            tree(graph, names, graph.node(edge.from()), indent + (last ? "└─ " : "├─ "),
                    indent + (last ? "   " : "│  "), edge.saved(), shown, out);
        }
    }

    private static String oneLine(AutogradGraph graph, GraphNode node, NameResolver names) {
        return String.join(" ", graph.lines(node, names));
    }
}

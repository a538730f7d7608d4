package dev.jautograd.viz;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code text/plain} face of a graph: a headline and one line per box listing what flows
 * into it, cut short for big graphs (the SVG is the real picture; this is for logs and
 * terminals).
 */
final class TextSummary {
    private static final int MAX_LINES = 12;

    private TextSummary() {}

    static String write(AutogradGraph graph, NameResolver names) {
        var lines = new ArrayList<String>();
        lines.add(headline(graph, names));
        var body = inflowLines(graph, names);
        body.stream().limit(MAX_LINES).forEach(lines::add);
        if (body.size() > MAX_LINES) lines.add("  ... " + (body.size() - MAX_LINES) + " more (toSvg(), toDot())");
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

    private static List<String> inflowLines(AutogradGraph graph, NameResolver names) {
        var lines = new ArrayList<String>();
        for (GraphNode node : graph.nodes()) {
            String sources = graph.edges().stream().filter(e -> e.to() == node.id())
                    .map(e -> oneLine(graph, graph.node(e.from()), names) + (e.saved() ? " (saved)" : ""))
                    .collect(Collectors.joining(", "));
            if (!sources.isEmpty()) lines.add("  " + oneLine(graph, node, names) + " <- " + sources);
        }
        return lines;
    }

    private static String oneLine(AutogradGraph graph, GraphNode node, NameResolver names) {
        return String.join(" ", graph.lines(node, names));
    }
}

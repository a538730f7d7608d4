package dev.jautograd.viz;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.AccumulateGrad;
import dev.jautograd.autograd.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A backward pass, recorded by {@link Explain#backward}: the graph's picture with each function
 * box telling the gradient that flowed in and, per input, the local derivative and the gradient
 * sent, numbered in the order the engine ran them. {@link #step(int)} draws the pass after k
 * nodes, for stepping through it in place (a display handle updated node by node); the text form
 * lists the same steps for a console.
 */
public final class BackwardExplanation {
    /** Gradients with at most this many elements are written out; larger ones by their shape. */
    private static final int MAX_VALUES = 4;

    private final Tensor output;
    private final AutogradGraph graph;
    private final Map<Node, Integer> boxes;
    private final List<BackwardStep> steps;

    BackwardExplanation(Tensor output, AutogradGraph graph, Map<Node, Integer> boxes, List<BackwardStep> steps) {
        this.output = output;
        this.graph = graph;
        this.boxes = boxes;
        this.steps = List.copyOf(steps);
    }

    /** The nodes in the order the engine ran them. */
    public List<BackwardStep> steps() {
        return steps;
    }

    /** How many nodes ran. */
    public int size() {
        return steps.size();
    }

    /** The whole pass: every box annotated. */
    public GraphPicture picture() {
        return step(steps.size());
    }

    /** The pass after {@code k} nodes ran (0: none yet), the k-th marked with ▶. */
    public GraphPicture step(int k) {
        if (k < 0 || k > steps.size()) {
            throw new IndexOutOfBoundsException("step " + k + " of a pass of " + steps.size() + " steps");
        }
        NameResolver names = names();
        var nodes = new ArrayList<>(graph.nodes());
        for (BackwardStep step : steps.subList(0, k)) {
            Integer box = boxes.get(step.function());
            if (box == null) continue; // beyond the picture's MAX_NODES
            GraphNode node = nodes.get(box);
            var details = new ArrayList<>(node.details());
            details.addAll(annotation(step, step.number() == k, names));
            nodes.set(box, new GraphNode(node.id(), node.kind(), node.title(), details, node.tensor()));
        }
        return new GraphPicture(new AutogradGraph(nodes, graph.edges(), false, graph.truncated()), NameResolver.none());
    }

    private List<String> annotation(BackwardStep step, boolean current, NameResolver names) {
        var lines = new ArrayList<String>();
        lines.add((current ? "▶ " : "") + "step " + step.number() + " · grad in: " + values(step.grad()));
        for (BackwardStep.Flow flow : step.flows()) lines.add(flowText(flow, null));
        String check = leafCheck(step, names);
        if (check != null) lines.add(check);
        return lines;
    }

    /** {@code → self: grad · 3·self² = 75.}; a formula the op does not declare is left out. */
    private static String flowText(BackwardStep.Flow flow, String to) {
        String sent = flow.grad() == null ? "nothing" : values(flow.grad());
        return "→ " + flow.role() + (to == null ? "" : " (to " + to + ")") + ": "
                + (flow.formula() == null ? sent : flow.formula() + " = " + sent);
    }

    /** A leaf that already holds a gradient says whether this pass's matches it: the picture checks itself. */
    private static String leafCheck(BackwardStep step, NameResolver names) {
        if (!(step.function() instanceof AccumulateGrad accumulate) || step.grad() == null) return null;
        Tensor leaf = accumulate.variable();
        if (leaf.grad() == null) return null;
        String name = names.nameOf(leaf) == null ? "leaf" : names.nameOf(leaf);
        boolean same = leaf.grad().toString().equals(step.grad().toString()); // to the printed digits
        return name + ".grad = " + values(leaf.grad()) + (same ? " ✓" : " (≠: other passes added to it)");
    }

    /** The steps as lines, for a console. */
    public String toText() {
        NameResolver names = names();
        String of = names.nameOf(output) == null ? GraphBuilder.shapeText(output.shape()) : names.nameOf(output);
        var out = new ArrayList<String>();
        out.add("backward of " + of + ": " + steps.size() + (steps.size() == 1 ? " step" : " steps")
                + ", in the order the engine ran them");
        for (BackwardStep step : steps) {
            out.add(String.format("%3d. %s%s  grad in: %s", step.number(), step.function().name(),
                    target(step.function(), names), values(step.grad())));
            for (BackwardStep.Flow flow : step.flows()) {
                out.add("       " + flowText(flow, describe(flow.to(), names)));
            }
            String check = leafCheck(step, names);
            if (check != null) out.add("       " + check);
        }
        return String.join("\n", out);
    }

    private static String target(Node node, NameResolver names) {
        return node instanceof AccumulateGrad ? " (" + describe(node, names) + ")" : "";
    }

    private static String describe(Node node, NameResolver names) {
        if (!(node instanceof AccumulateGrad accumulate)) return node.name();
        String name = names.nameOf(accumulate.variable());
        return name != null ? name : "leaf " + GraphBuilder.shapeText(accumulate.variable().shape());
    }

    /** {@code 75.}, {@code [1., -2.]}; a bigger gradient by its shape. */
    static String values(Tensor t) {
        if (t == null) return "none";
        String text = t.toString();
        if (t.numel() > MAX_VALUES || text.contains("\n")) return "shape " + GraphBuilder.shapeText(t.shape());
        if (text.startsWith("tensor(") && text.endsWith(")")) text = text.substring(7, text.length() - 1);
        int extra = text.indexOf(", dtype=");
        return extra < 0 ? text : text.substring(0, extra);
    }

    private NameResolver names() {
        return new GraphPicture(graph, NameResolver.none()).names();
    }

    /** The whole pass's picture, its {@code text/plain} the step list. */
    public Map<String, String> mimeBundle() {
        var bundle = new LinkedHashMap<>(picture().mimeBundle());
        bundle.put("text/plain", toText());
        return bundle;
    }

    public Map<String, Map<String, Object>> mimeMetadata() {
        return picture().mimeMetadata();
    }

    @Override
    public String toString() {
        return toText();
    }
}

package dev.jautograd.viz;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.AccumulateGrad;
import dev.jautograd.autograd.Edge;
import dev.jautograd.autograd.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Walks {@code grad_fn.next_functions} from the outputs as torchviz's {@code make_dot} does:
 * depth first, each function once, skipping inputs that need no gradient. Functions and tensors
 * are told apart by identity, never by equality.
 */
final class GraphBuilder {
    /** Beyond this many boxes a picture is unreadable and the layout slow, so the walk stops. */
    static final int MAX_NODES = 400;
    /** Gradients with at most this many elements are printed in the leaf's box. */
    private static final int MAX_GRAD_ELEMENTS = 4;

    private final VizOptions options;
    private final List<GraphNode> nodes = new ArrayList<>();
    private final List<GraphEdge> edges = new ArrayList<>();
    private final Map<Node, Integer> functionIds = new IdentityHashMap<>();
    private final Map<Tensor, Integer> tensorIds = new IdentityHashMap<>();
    private boolean freed;
    private boolean truncated;

    private GraphBuilder(VizOptions options) {
        this.options = options;
    }

    static AutogradGraph build(List<Tensor> outputs, VizOptions options) {
        return build(outputs, options, new IdentityHashMap<>());
    }

    /** As {@link #build}, also filling {@code boxOf} with each drawn function's box id (for the explainer). */
    static AutogradGraph build(List<Tensor> outputs, VizOptions options, Map<Node, Integer> boxOf) {
        var builder = new GraphBuilder(options);
        outputs.forEach(builder::addOutput);
        boxOf.putAll(builder.functionIds);
        return new AutogradGraph(builder.nodes, builder.edges, builder.freed, builder.truncated);
    }

    private void addOutput(Tensor output) {
        if (tensorIds.containsKey(output)) return;
        int id = tensorBox(output, NodeKind.OUTPUT);
        if (output.gradFn() != null) edges.add(new GraphEdge(visit(output.gradFn()), id, 0, false));
    }

    // Children are walked before the saved tensors so that a saved input that is a leaf has its
    // leaf box already (the AccumulateGrad is a direct child) and is not drawn twice.
    private int visit(Node function) {
        int id = nodes.size();
        functionIds.put(function, id);
        nodes.add(new GraphNode(id, kindOf(function), function.name(), functionDetails(function), null));
        // Only a function that saved tensors loses something: a leaf's AccumulateGrad is shared by
        // every graph the leaf is in, and is marked released by another graph's backward().
        freed |= function.isReleased() && !function.savedTensors().isEmpty();
        if (function instanceof AccumulateGrad accumulate) {
            edges.add(new GraphEdge(tensorBox(accumulate.variable(), NodeKind.LEAF), id, 0, false));
        }
        for (Edge next : function.nextFunctions()) {
            Integer child = next.function() == null ? null : childId(next.function());
            if (child != null) edges.add(new GraphEdge(child, id, next.inputNr(), false));
        }
        if (options.showSaved()) addSaved(function, id);
        return id;
    }

    private Integer childId(Node child) {
        Integer known = functionIds.get(child);
        if (known != null) return known;
        if (nodes.size() >= MAX_NODES) {
            truncated = true;
            return null;
        }
        return visit(child);
    }

    // One dashed line per saved tensor, even when a node saved it twice (a * a keeps self and other).
    private void addSaved(Node function, int id) {
        var drawn = new HashSet<Integer>();
        for (Tensor saved : function.savedTensors()) {
            if (saved == null) continue;
            int box = tensorBox(saved, NodeKind.SAVED);
            if (drawn.add(box)) edges.add(new GraphEdge(box, id, 0, true));
        }
    }

    private static NodeKind kindOf(Node function) {
        return function instanceof AccumulateGrad ? NodeKind.ACCUMULATE_GRAD : NodeKind.BACKWARD;
    }

    private List<String> functionDetails(Node function) {
        var details = new ArrayList<String>();
        if (options.showAttrs()) details.addAll(function.attributes());
        if (options.showSaved() && function.isReleased() && !function.savedTensors().isEmpty()) {
            details.add("saved: freed by backward()");
        }
        return details;
    }

    private int tensorBox(Tensor tensor, NodeKind kind) {
        Integer known = tensorIds.get(tensor);
        if (known != null) return known;
        int id = nodes.size();
        tensorIds.put(tensor, id);
        nodes.add(new GraphNode(id, kind, "", tensorDetails(tensor), tensor));
        return id;
    }

    private List<String> tensorDetails(Tensor tensor) {
        var details = new ArrayList<String>();
        details.add(shapeText(tensor.shape()));
        // Only leaves: reading .grad of a non-leaf makes PyTorch (and jautograd) print a warning.
        if (options.showGrads() && tensor.isLeaf() && tensor.grad() != null) details.add(gradText(tensor.grad()));
        return details;
    }

    private static String gradText(Tensor grad) {
        String values = grad.toString();
        if (grad.numel() <= MAX_GRAD_ELEMENTS && !values.contains("\n")) return "grad=" + values;
        return "grad: " + shapeText(grad.shape());
    }

    /** torchviz's {@code size_to_str}: {@code (10, 1)}, {@code (5)}, {@code ()} for a scalar. */
    static String shapeText(int[] shape) {
        var joiner = new StringJoiner(", ", "(", ")");
        for (int size : shape) joiner.add(Integer.toString(size));
        return joiner.toString();
    }
}

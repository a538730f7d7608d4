package dev.jautograd.viz;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Engine;
import dev.jautograd.autograd.Node;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * Watches backward work: {@code Explain.backward(y)} runs the engine's own backward pass from
 * {@code y} and records, node by node in the engine's order, the gradient that flowed in, the
 * local derivative each op declares ({@link Node#derivativeFormula}) and the gradient it sent to
 * each input. Nothing is recomputed here: the values are the engine's, seen through
 * {@link Engine#observe}, which retains the graph and leaves every {@code .grad} alone, so a
 * {@code y.backward()} afterwards gives what it would have given anyway.
 */
public final class Explain {
    private Explain() {}

    /** The backward pass of a scalar {@code output}, seeded with 1 as {@code backward()} is. */
    public static BackwardExplanation backward(Tensor output) {
        return backward(output, null);
    }

    /** The backward pass seeded with {@code grad} (as {@code output.backward(grad)}); null for a scalar's 1. */
    public static BackwardExplanation backward(Tensor output, Tensor grad) {
        if (output.gradFn() == null) {
            throw new IllegalArgumentException(output.requiresGrad()
                    ? "this tensor is a leaf: no backward runs from it (explain a result computed from it)"
                    : "element 0 of tensors does not require grad and does not have a grad_fn");
        }
        var boxes = new IdentityHashMap<Node, Integer>();
        AutogradGraph graph = GraphBuilder.build(List.of(output), VizOptions.defaults(), boxes);
        if (graph.freed()) {
            throw new IllegalStateException("backward() has already run through this graph and freed the values its"
                    + " formulas need: explain it before backward(), or keep it with backward(null, true) (retain_graph=True)");
        }
        var steps = new ArrayList<BackwardStep>();
        Engine.observe(new Tensor[] {output}, new Tensor[] {grad},
                (node, in, sent) -> steps.add(step(steps.size() + 1, node, in, sent)));
        return new BackwardExplanation(output, graph, boxes, steps);
    }

    private static BackwardStep step(int number, Node node, Tensor grad, Tensor[] sent) {
        var flows = new ArrayList<BackwardStep.Flow>();
        var next = node.nextFunctions();
        for (int i = 0; i < sent.length; i++) {
            if (next.get(i).function() == null) continue;
            flows.add(new BackwardStep.Flow(i, BackwardStep.role(i, sent.length), node.derivativeFormula(i), sent[i],
                    next.get(i).function()));
        }
        return new BackwardStep(number, node, grad, flows);
    }
}

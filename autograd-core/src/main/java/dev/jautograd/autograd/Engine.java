package dev.jautograd.autograd;

import static dev.jautograd.internal.TensorInternals.gradAccumulator;

import dev.jautograd.Shapes;
import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Reverse-mode differentiation over the recorded graph. It knows no op by name: it orders nodes,
 * sums the gradients arriving at each, runs hooks and {@link Node#backward}, conforms each result
 * to its input's shape and dtype, and frees saved tensors unless the graph is retained.
 */
public final class Engine {
    private Engine() {}

    /** As {@code torch.autograd.backward}: accumulates into the {@code .grad} of the leaves. */
    public static void backward(Tensor[] roots, Tensor[] grads, boolean retainGraph, boolean createGraph) {
        new Run(retainGraph, createGraph, null).execute(roots, grads);
    }

    /** As {@code torch.autograd.grad}: returns the gradients of {@code inputs}, leaving {@code .grad} alone. */
    /** {@code torch.autograd.grad} without {@code retain_graph}: it defaults to {@code create_graph}, as in PyTorch. */
    public static Tensor[] grad(Tensor[] roots, Tensor[] grads, Tensor[] inputs, boolean createGraph, boolean allowUnused) {
        return grad(roots, grads, inputs, createGraph, createGraph, allowUnused);
    }

    public static Tensor[] grad(Tensor[] roots, Tensor[] grads, Tensor[] inputs, boolean retainGraph,
                                boolean createGraph, boolean allowUnused) {
        var captured = new IdentityHashMap<Node, Tensor>();
        for (int i = 0; i < inputs.length; i++) {
            if (!inputs[i].requiresGrad()) {
                throw new IllegalArgumentException("One of the differentiated Tensors does not require grad");
            }
            captured.put(nodeOf(inputs[i]), null);
        }
        new Run(retainGraph, createGraph, captured).execute(roots, grads);
        Tensor[] result = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            result[i] = captured.get(nodeOf(inputs[i]));
            if (result[i] == null && !allowUnused) {
                throw new IllegalArgumentException("One of the differentiated Tensors appears to not have been used "
                        + "in the graph. Set allow_unused=True if this is the desired behavior." + JavaHints.ALLOW_UNUSED);
            }
        }
        return result;
    }

    /** What an explainer sees of a backward pass: each node as the engine runs it, in order. */
    @FunctionalInterface
    public interface Observer {
        /**
         * {@code node} ran on {@code grad} (its output's summed gradient, after hooks) and sent
         * {@code sent[i]} to input {@code i}, already brought to that input's shape and dtype
         * (null where nothing flowed). A leaf's AccumulateGrad is reported with nothing sent.
         */
        void ran(Node node, Tensor grad, Tensor[] sent);
    }

    /**
     * Runs backward from {@code roots} as {@code torch.autograd.grad} would, telling
     * {@code observer} each node it runs: the graph is retained and no {@code .grad} is written, so
     * watching a pass changes nothing a later {@code backward()} sees.
     */
    public static void observe(Tensor[] roots, Tensor[] grads, Observer observer) {
        var run = new Run(true, false, new IdentityHashMap<>());
        run.observer = observer;
        run.execute(roots, grads);
    }

    private static Node nodeOf(Tensor t) {
        return t.isLeaf() ? gradAccumulator(t) : t.gradFn();
    }

    /**
     * PyTorch's CPU ready queue runs the most recently created node first. A class, not
     * Comparator.comparingLong(...).reversed(): that spins a lambda (about 1 ms) in every fresh
     * JVM's first backward, which the class-data archive does not hold.
     */
    private static final Comparator<Node> LATEST_FIRST = new LatestFirst();

    private static final class LatestFirst implements Comparator<Node> {
        @Override
        public int compare(Node a, Node b) {
            return Long.compare(b.sequenceNr(), a.sequenceNr());
        }
    }

    /**
     * What one backward pass knows of a node: how many of its consumers have yet to run, the
     * gradient summed so far, and whether the engine holds that buffer alone ({@link Handoff}).
     */
    private static final class Slot {
        int dependencies;
        Tensor grad;
        boolean owned;
    }

    /** One backward pass: a slot per node, and the ready queue. */
    private static final class Run {
        private final boolean retainGraph;
        private final boolean createGraph;
        private final Map<Node, Tensor> captured;
        // An identity map: nodes are compared by identity anyway, and this skips hashCode/equals calls.
        private final Map<Node, Slot> slots = new IdentityHashMap<>();
        private final PriorityQueue<Node> ready = new PriorityQueue<>(LATEST_FIRST);
        private Observer observer;
        /** Whether owned buffers may be passed on without a copy: not with create_graph or an observer. */
        private boolean handOff;

        Run(boolean retainGraph, boolean createGraph, Map<Node, Tensor> captured) {
            this.retainGraph = retainGraph;
            this.createGraph = createGraph;
            this.captured = captured;
        }

        void execute(Tensor[] roots, Tensor[] grads) {
            handOff = !createGraph && observer == null;
            try (var mode = GradMode.set(createGraph)) {
                Node[] rootNodes = rootNodes(roots);
                countDependencies(rootNodes);
                for (int i = 0; i < roots.length; i++) {
                    Tensor seed = seed(roots[i], grads[i]);
                    accumulate(slot(rootNodes[i]), seed, seed != grads[i]); // the implicit ones are the engine's own
                }
                for (Node root : Set.copyOf(java.util.Arrays.asList(rootNodes))) {
                    if (slots.get(root).dependencies == 0) ready.add(root);
                }
                while (!ready.isEmpty()) {
                    evaluate(ready.poll());
                }
            }
        }

        private Slot slot(Node node) {
            Slot slot = slots.get(node); // not computeIfAbsent's lambda, linked on a fresh JVM's first backward
            if (slot == null) slots.put(node, slot = new Slot());
            return slot;
        }

        private Node[] rootNodes(Tensor[] roots) {
            Node[] nodes = new Node[roots.length];
            for (int i = 0; i < roots.length; i++) {
                if (!roots[i].requiresGrad()) {
                    throw new IllegalStateException("element " + i + " of tensors does not require grad and does "
                            + "not have a grad_fn");
                }
                nodes[i] = nodeOf(roots[i]);
            }
            return nodes;
        }

        private static Tensor seed(Tensor root, Tensor grad) {
            if (grad == null) {
                if (root.numel() != 1) {
                    throw new IllegalStateException("grad can be implicitly created only for scalar outputs");
                }
                return Torch.onesLike(root);
            }
            if (!Shapes.same(grad.shape(), root.shape())) {
                throw new IllegalArgumentException("Mismatch in shape: grad_output[0] has a shape of "
                        + Shapes.sizeString(grad.shape()) + " and output[0] has a shape of "
                        + Shapes.sizeString(root.shape()) + ".");
            }
            return grad;
        }

        private void countDependencies(Node[] roots) {
            var stack = new ArrayDeque<Node>();
            var seen = java.util.Collections.newSetFromMap(new IdentityHashMap<Node, Boolean>());
            for (Node root : roots) {
                if (seen.add(root)) stack.push(root);
            }
            while (!stack.isEmpty()) {
                Node node = stack.pop();
                for (int i = 0; i < node.inputCount(); i++) {
                    Node next = node.nextFunction(i);
                    if (next == null) continue;
                    slot(next).dependencies++;
                    if (seen.add(next)) stack.push(next);
                }
            }
        }

        private void evaluate(Node node) {
            Slot slot = slots.get(node);
            Tensor grad = slot.grad;
            boolean lend = slot.owned && handOff;
            slot.grad = null;
            if (grad != null && node.hasPreHooks()) {
                lend = false; // a hook may keep what it was shown
                grad = node.runPreHooks(grad);
            }
            if (captured != null && captured.containsKey(node)) {
                captured.put(node, grad);
                lend = false;
            }
            boolean skip = grad == null || (captured != null && node instanceof AccumulateGrad);
            Tensor[] inputGrads = skip ? new Tensor[node.inputCount()]
                    : AnomalyMode.isEnabled() ? AnomalyMode.run(node, grad, lend) : node.callBackward(grad, lend);
            if (!retainGraph && !skip) node.releaseVariables();
            Tensor[] sent = send(node, inputGrads);
            if (!skip) node.forgetHanded();
            if (observer != null) observer.ran(node, grad, sent);
        }

        /** Each input's gradient, conformed, to its node; what was sent when an observer asks. */
        private Tensor[] send(Node node, Tensor[] inputGrads) {
            Tensor[] sent = observer == null ? null : new Tensor[node.inputCount()];
            for (int i = 0; i < node.inputCount(); i++) {
                Node next = node.nextFunction(i);
                if (next == null) continue;
                Slot target = slots.get(next);
                if (inputGrads[i] != null) {
                    Tensor conformed = conform(node, i, inputGrads[i]);
                    if (sent != null) sent[i] = conformed;
                    accumulate(target, conformed, handOff
                            && Handoff.conformed(inputGrads[i], Handoff.handedOver(node, inputGrads, i), conformed));
                }
                if (--target.dependencies == 0) ready.add(next);
            }
            return sent;
        }

        /** Adds {@code grad} to what the slot's node has received so far; {@code owned}: the engine holds it alone. */
        private static void accumulate(Slot slot, Tensor grad, boolean owned) {
            if (slot.grad == null) {
                slot.grad = grad;
                slot.owned = owned;
                return;
            }
            Tensor sum = slot.grad.add(grad);
            slot.owned = Handoff.isNew(sum, slot.grad, grad);
            slot.grad = sum;
        }

        /** The one place a gradient is brought back to its input's shape (broadcasting) and dtype. */
        private static Tensor conform(Node node, int input, Tensor grad) {
            int[] shape = node.inputShape(input);
            if (!Shapes.same(grad.shape(), shape)) {
                if (!Shapes.expandable(shape, grad.shape())) {
                    throw new IllegalStateException("Function " + node.name() + " returned an invalid gradient at "
                            + "index " + input + " - got " + Shapes.listString(grad.shape())
                            + " but expected shape compatible with " + Shapes.listString(shape));
                }
                grad = grad.sumToSize(shape);
            }
            return grad.dtype() == node.inputDtype(input) ? grad : grad.to(node.inputDtype(input));
        }
    }
}

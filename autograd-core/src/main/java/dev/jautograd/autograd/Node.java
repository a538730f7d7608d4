package dev.jautograd.autograd;

import static dev.jautograd.internal.TensorInternals.gradAccumulator;

import dev.jautograd.DType;
import dev.jautograd.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * A backward function: what PyTorch shows as {@code grad_fn}. Every op that records itself
 * is a subclass that computes its output in a static {@code apply} and its gradient in
 * {@link #backward}, side by side.
 *
 * <p>The contract, written once:
 * <ul>
 *   <li>{@code backward(grad)} receives {@code grad}, the gradient of the loss with respect to
 *       this node's output (same shape as the output), and returns one gradient per input given
 *       to the constructor, in order. An entry may be null when {@link #needsInputGrad(int)} is
 *       false for it, and must be null for an input that is not a tensor.</li>
 *   <li>A returned gradient may have the input's shape or any shape the input broadcast to in
 *       the forward pass: the engine sums it back to the input's shape and casts it to the
 *       input's dtype. Ops never reduce broadcast gradients themselves.</li>
 *   <li>Formulas are written with tensor operations, so with {@code create_graph} they are
 *       recorded too and higher-order gradients work.</li>
 *   <li>Values needed by the formula are kept with {@link #save}; reading a value after it was
 *       freed (backward without {@code retain_graph}) or modified in place fails with PyTorch's
 *       messages.</li>
 * </ul>
 */
public abstract class Node {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final long sequenceNr = SEQUENCE.getAndIncrement();
    private final String name;
    private final Edge[] nextEdges;
    private final int[][] inputShapes;
    private final DType[] inputDtypes;
    // Created on first use: most nodes have no hooks, and many save nothing.
    private List<SavedTensor> saved;
    private List<UnaryOperator<Tensor>> preHooks;
    private boolean released;
    /** The node whose inputs this one took over and whose backward it runs (CopySlices' fn), or null. */
    private final Node inner;
    /** Where the forward call was made, kept only in anomaly mode (PyTorch's anomaly metadata). */
    private final Throwable forwardTrace = AnomalyMode.isEnabled() ? new Throwable("forward") : null;
    /** During a backward call: the incoming gradient if the engine lent it (see {@link #isOwned}), else null. */
    private Tensor lent;
    /** What this node's last backward call handed over ({@link #owned}); created on first use. */
    private Tensor[] handed;

    /**
     * @param name   PyTorch's class name for this node, e.g. {@code MulBackward0}
     * @param inputs the tensor arguments the gradient flows to, in the order backward returns them
     */
    protected Node(String name, Tensor... inputs) {
        this.name = name;
        this.inner = null;
        nextEdges = new Edge[inputs.length];
        inputShapes = new int[inputs.length][];
        inputDtypes = new DType[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            nextEdges[i] = edgeTo(inputs[i]);
            inputShapes[i] = inputs[i].shape();
            inputDtypes[i] = inputs[i].dtype();
        }
    }

    /**
     * A node that takes over another's inputs but the first: {@code first} replaces it (CopySlices
     * sends the first gradient to the base of a view written in place, the rest where {@code rest}
     * sent them).
     */
    protected Node(String name, Tensor first, Node rest) {
        this.name = name;
        this.inner = rest;
        int n = rest.inputCount();
        nextEdges = new Edge[n];
        inputShapes = new int[n][];
        inputDtypes = new DType[n];
        nextEdges[0] = edgeTo(first);
        inputShapes[0] = first.shape();
        inputDtypes[0] = first.dtype();
        for (int i = 1; i < n; i++) {
            nextEdges[i] = rest.nextEdges[i];
            inputShapes[i] = rest.inputShapes[i];
            inputDtypes[i] = rest.inputDtypes[i];
        }
    }

    /** Runs another node's backward formula (CopySlices runs the in-place op's node on a slice). */
    protected static Tensor[] backwardOf(Node node, Tensor grad) {
        return node.backward(grad);
    }

    private static Edge edgeTo(Tensor input) {
        if (!input.requiresGrad()) return new Edge(null, 0);
        return new Edge(input.isLeaf() ? gradAccumulator(input) : input.gradFn(), 0);
    }

    /** Gradients of the inputs given the gradient of the output; see the class contract. */
    protected abstract Tensor[] backward(Tensor grad);

    /**
     * Declares {@code gradient}, about to be returned, a buffer this backward call allocated and
     * keeps no reference to: the engine may then pass it on without a copy (write the next
     * node's result into it, or make it a leaf's {@code .grad}), as PyTorch's AccumulateGrad
     * steals a gradient nobody else references. Never for the incoming grad unless
     * {@link #isOwned} said so, nor for a saved tensor or a view of anything else.
     */
    protected final Tensor owned(Tensor gradient) {
        if (gradient == null) return null;
        if (handed == null) handed = new Tensor[Math.max(1, inputCount())];
        for (int i = 0; i < handed.length; i++) {
            if (handed[i] == null) {
                handed[i] = gradient;
                break;
            }
        }
        return gradient;
    }

    /**
     * Whether {@code grad}, this call's incoming gradient, is the node's to overwrite: the engine
     * made or received it as an {@link #owned} buffer, sent it only here, and no hook, capture
     * or observer has seen it. Only that exact tensor object qualifies, never a view of it.
     */
    protected final boolean isOwned(Tensor grad) {
        return grad != null && grad == lent;
    }

    /** PyTorch's class name for this node, e.g. {@code MulBackward0}. */
    public final String name() {
        return name;
    }

    /** Extra facts worth showing about this node (a pow's exponent, a sum's dims), for display. */
    public List<String> attributes() {
        return List.of();
    }

    /**
     * The local derivative this node applies to the incoming gradient for input {@code input},
     * as a formula over {@code grad} and the op's saved values, e.g. {@code "grad · 3·self²"};
     * null when the op does not declare one.
     */
    public String derivativeFormula(int input) { return null; }

    /** As {@code grad_fn.next_functions}: one edge per input, with a null function where no grad flows. */
    public List<Edge> nextFunctions() {
        return Collections.unmodifiableList(Arrays.asList(nextEdges));
    }

    /** Whether input {@code i}'s gradient is wanted, so backward can skip work (PyTorch's needs_input_grad). */
    protected final boolean needsInputGrad(int i) {
        return nextEdges[i].function() != null;
    }

    /** Keeps an input (or any tensor but this node's output) for the backward formula. */
    protected final SavedTensor save(Tensor tensor) {
        return keep(new SavedTensor(tensor, null));
    }

    /** Keeps this node's own output for the backward formula (e.g. exp's gradient reuses the result). */
    protected final SavedTensor saveOutput(Tensor result) {
        return keep(new SavedTensor(result, this));
    }

    private SavedTensor keep(SavedTensor handle) {
        if (saved == null) saved = new ArrayList<>(2);
        saved.add(handle);
        return handle;
    }

    /** The tensors this node keeps (null entries once freed), for graph inspection. */
    public final List<Tensor> savedTensors() {
        return saved == null ? List.of() : saved.stream().map(SavedTensor::peek).toList();
    }

    public final boolean isReleased() {
        return released;
    }

    /** Frees the saved tensors; called by the engine after backward unless the graph is retained. */
    final void releaseVariables() {
        released = true;
        if (saved != null) {
            for (SavedTensor handle : saved) handle.release(); // a loop: no method reference to link on a first backward
        }
        // The engine never reaches a node another one runs: free its saved values too (as PyTorch's
        // CopySlices::release_variables frees its fn's).
        if (inner != null) inner.releaseVariables();
    }

    /** A hook run on the incoming gradient before backward, as PyTorch's tensor hooks on non-leaves. */
    public final RemovableHandle registerPreHook(UnaryOperator<Tensor> hook) {
        if (preHooks == null) preHooks = new ArrayList<>(1);
        preHooks.add(hook);
        return new RemovableHandle(() -> preHooks.remove(hook));
    }

    final Tensor runPreHooks(Tensor grad) {
        if (preHooks == null) return grad;
        for (var hook : preHooks) {
            Tensor replaced = hook.apply(grad);
            if (replaced != null) grad = replaced;
        }
        return grad;
    }

    final Tensor[] callBackward(Tensor grad, boolean lend) {
        forgetHanded(); // a call that threw may have left some
        lent = lend ? grad : null;
        try {
            return backward(grad);
        } finally {
            lent = null;
        }
    }

    /** Whether the last backward call handed {@code gradient} over (identity); clears the record. */
    final boolean handedOver(Tensor gradient) {
        if (handed == null) return false;
        for (int i = 0; i < handed.length; i++) {
            if (handed[i] == gradient) {
                handed[i] = null;
                return true;
            }
        }
        return false;
    }

    final void forgetHanded() {
        if (handed != null) java.util.Arrays.fill(handed, null);
    }

    final boolean hasPreHooks() {
        return preHooks != null && !preHooks.isEmpty();
    }

    final Throwable forwardTrace() {
        return forwardTrace;
    }

    final long sequenceNr() {
        return sequenceNr;
    }

    final int[] inputShape(int i) {
        return inputShapes[i];
    }

    final DType inputDtype(int i) {
        return inputDtypes[i];
    }

    /** The node input {@code i}'s gradient flows to, or null (the engine's allocation-free nextFunctions). */
    final Node nextFunction(int i) {
        return nextEdges[i].function();
    }

    final int inputCount() {
        return nextEdges.length;
    }

    @Override
    public String toString() {
        return "<" + name() + " object at 0x" + Integer.toHexString(System.identityHashCode(this)) + ">";
    }
}

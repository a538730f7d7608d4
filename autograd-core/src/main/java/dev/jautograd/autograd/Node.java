package dev.jautograd.autograd;

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
    private final List<SavedTensor> saved = new ArrayList<>(2);
    private final List<UnaryOperator<Tensor>> preHooks = new ArrayList<>(0);
    private boolean released;

    /**
     * @param name   PyTorch's class name for this node, e.g. {@code MulBackward0}
     * @param inputs the tensor arguments the gradient flows to, in the order backward returns them
     */
    protected Node(String name, Tensor... inputs) {
        this.name = name;
        nextEdges = new Edge[inputs.length];
        inputShapes = new int[inputs.length][];
        inputDtypes = new DType[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            nextEdges[i] = edgeTo(inputs[i]);
            inputShapes[i] = inputs[i].shape();
            inputDtypes[i] = inputs[i].dtype();
        }
    }

    private static Edge edgeTo(Tensor input) {
        if (!input.requiresGrad()) return new Edge(null, 0);
        return new Edge(input.isLeaf() ? input.gradAccumulator() : input.gradFn(), 0);
    }

    /** Gradients of the inputs given the gradient of the output; see the class contract. */
    protected abstract Tensor[] backward(Tensor grad);

    /** PyTorch's class name for this node, e.g. {@code MulBackward0}. */
    public final String name() {
        return name;
    }

    /** Extra facts worth showing about this node (a pow's exponent, a sum's dims), for display. */
    public List<String> attributes() {
        return List.of();
    }

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
        saved.add(handle);
        return handle;
    }

    /** The tensors this node keeps (null entries once freed), for graph inspection. */
    public final List<Tensor> savedTensors() {
        return saved.stream().map(SavedTensor::peek).toList();
    }

    public final boolean isReleased() {
        return released;
    }

    /** Frees the saved tensors; called by the engine after backward unless the graph is retained. */
    public final void releaseVariables() {
        released = true;
        saved.forEach(SavedTensor::release);
    }

    /** A hook run on the incoming gradient before backward, as PyTorch's tensor hooks on non-leaves. */
    public final void registerPreHook(UnaryOperator<Tensor> hook) {
        preHooks.add(hook);
    }

    final Tensor runPreHooks(Tensor grad) {
        for (var hook : preHooks) {
            Tensor replaced = hook.apply(grad);
            if (replaced != null) grad = replaced;
        }
        return grad;
    }

    final Tensor[] callBackward(Tensor grad) {
        return backward(grad);
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

    final int inputCount() {
        return nextEdges.length;
    }

    @Override
    public String toString() {
        return "<" + name() + " object at 0x" + Integer.toHexString(System.identityHashCode(this)) + ">";
    }
}

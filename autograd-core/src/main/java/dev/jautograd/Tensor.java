package dev.jautograd;

import dev.jautograd.autograd.AccumulateGrad;
import dev.jautograd.autograd.Engine;
import dev.jautograd.autograd.InferenceMode;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.RemovableHandle;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.ops.AsStrided;
import dev.jautograd.print.TensorData;
import dev.jautograd.print.TensorFormatter;
import dev.jautograd.storage.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An n-dimensional array with PyTorch's semantics: a strided view of a flat {@link Storage},
 * plus the autograd state (leaf or not, {@code requires_grad}, {@code grad}, {@code grad_fn}),
 * kept in an {@link AutogradMeta} made only when there is some. The math lives in
 * {@link TensorMath}, which this class extends, so this file stays about what a tensor
 * <em>is</em>. What ops and loops need beyond the user API (the storage, grad_fn wiring, views)
 * is package-private here and reaches them through {@link TensorInternals}.
 */
public final class Tensor extends TensorMath {
    static {
        TensorInternals.register(new TensorAccess());
    }

    private final Storage storage;
    private final int[] shape;
    private final int[] strides;
    private final int offset;
    /**
     * PyTorch's version counter, shared by views and {@code detach()}, not by {@code .data}. Null
     * until first shared or bumped: a fresh tensor is at version 0 and most never need a counter.
     */
    private int[] version;
    /** Grad, grad_fn, requires_grad, hooks, view base: null until the tensor has any of them. */
    private AutogradMeta meta;
    /** Made in inference mode (PyTorch's inference tensor): never part of a graph. */
    private final boolean inference = InferenceMode.isEnabled();

    private Tensor(Storage storage, int[] shape, int[] strides, int offset) {
        this.storage = storage;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
        if (inference) storage.markInference();
    }

    /** A view of {@code base} (itself not a view), sharing its storage and version counter. */
    private Tensor(Tensor base, int[] shape, int[] strides, int offset) {
        this.storage = base.storage;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
        this.version = base.sharedVersion();
        this.meta = new AutogradMeta(base, version[0]);
    }

    /** An alias of {@code source}'s storage and geometry with the given version counter (null: its own). */
    private Tensor(Tensor source, int[] version) {
        this.storage = source.storage;
        this.shape = source.shape;
        this.strides = source.strides;
        this.offset = source.offset;
        this.version = version;
        if (inference) storage.markInference();
    }

    /** A new contiguous tensor of zeros. */
    static Tensor empty(DType dtype, int... shape) {
        int[] copy = shape.clone();
        Shapes.checkNewShape(copy);
        return new Tensor(Storage.allocate(dtype, Shapes.numel(copy)), copy, Shapes.contiguousStrides(copy), 0);
    }

    /**
     * A new contiguous tensor of zeros with {@code like}'s shape. Internal (loops): it shares the
     * shape array, which no tensor ever mutates, so a small op allocates only what it returns.
     */
    static Tensor emptyLike(Tensor like, DType dtype) {
        return new Tensor(Storage.allocate(dtype, like.numel()), like.shape, Shapes.contiguousStrides(like.shape), 0);
    }

    /** Whether both tensors have the same shape (without copying either shape). */
    boolean sameShape(Tensor other) {
        return java.util.Arrays.equals(shape, other.shape);
    }

    /** Wraps a storage holding exactly {@code shape}'s elements in row-major order. */
    static Tensor wrap(Storage storage, int... shape) {
        if (storage.size() != Shapes.numel(shape)) {
            throw new IllegalArgumentException("storage of " + storage.size() + " elements cannot hold shape "
                    + Shapes.listString(shape));
        }
        return new Tensor(storage, shape.clone(), Shapes.contiguousStrides(shape), 0);
    }

    /**
     * A new tensor (not a view) over a storage its kernel just filled, with the given dense
     * strides (internal: elementwise results laid out like a transposed input).
     */
    static Tensor withStrides(Storage storage, int[] shape, int[] strides) {
        return new Tensor(storage, shape.clone(), strides.clone(), 0);
    }

    /** A view sharing this tensor's storage (internal: used by view ops). */
    Tensor viewOf(int[] newShape, int[] newStrides, int newOffset) {
        return new Tensor(isView() ? meta.base : this, newShape, newStrides, newOffset);
    }

    // ---------------------------------------------------------------- metadata

    public int[] shape() { return shape.clone(); }

    /** As {@code size()}: the shape. */
    public int[] size() { return shape(); }

    public int size(int dim) { return shape[Shapes.wrapDim(dim, shape.length)]; }

    public int[] stride() { return strides.clone(); }

    public int stride(int dim) { return strides[Shapes.wrapDim(dim, strides.length)]; }

    public int storageOffset() { return offset; }

    public int dim() { return shape.length; }

    public int numel() { return Shapes.numel(shape); }

    public DType dtype() { return storage.dtype(); }

    /** The storage shared with views (internal: loops read through it). */
    Storage storage() { return storage; }

    public boolean isContiguous() {
        int expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && strides[i] != expected) return false;
            expected *= shape[i];
        }
        return true;
    }

    /**
     * Contiguous with the default strides of its shape, size-1 dimensions included (internal:
     * such inputs give an elementwise result the default layout without further checks).
     */
    boolean hasDefaultStrides() {
        int expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (strides[i] != expected) return false;
            expected *= shape[i];
        }
        return true;
    }

    /** PyTorch's {@code _version}: bumped by every in-place write to the shared storage. */
    public int version() { return version == null ? 0 : version[0]; }

    /** The counter to share with a new view or detached alias, made on first need. */
    private int[] sharedVersion() {
        if (version == null) version = new int[1];
        return version;
    }

    /** The autograd state, made on first need (a setter's). */
    private AutogradMeta meta() {
        if (meta == null) meta = new AutogradMeta(null, 0);
        return meta;
    }

    /** Marks an in-place write (internal: in-place ops call it after writing). */
    void bumpVersion() {
        ViewHistory.checkInferenceWrite(this);
        sharedVersion()[0]++;
    }

    /** The legacy type name PyTorch uses in messages, e.g. {@code torch.FloatTensor}. */
    public String typeName() { return "torch." + dtype().scalarTypeName() + "Tensor"; }

    /** Storage index of the element at {@code index} (one entry per dim). */
    int offsetOf(int... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("expected " + shape.length + " indices, got " + index.length);
        }
        int at = offset;
        for (int d = 0; d < index.length; d++) {
            int i = index[d] < 0 ? index[d] + shape[d] : index[d];
            if (i < 0 || i >= shape[d]) {
                throw new IndexOutOfBoundsException("index " + index[d] + " is out of bounds for dimension " + d
                        + " with size " + shape[d]);
            }
            at += i * strides[d];
        }
        return at;
    }

    // ---------------------------------------------------------------- autograd state

    public boolean requiresGrad() {
        return meta != null && (meta.requiresGrad || gradFn() != null);
    }

    /** A tensor is a leaf unless an op recorded with grad produced it. */
    public boolean isLeaf() {
        return gradFn() == null;
    }

    public Node gradFn() {
        if (meta == null) return null;
        if (meta.base != null && meta.viewVersion != version[0]) regenerateViewGradFn();
        return meta.gradFn;
    }

    /**
     * PyTorch's view + in-place rule: once the storage was written in place, a view's gradient
     * goes through its base's current history (AsStridedBackward0 on the base's grad_fn).
     */
    private void regenerateViewGradFn() {
        meta.viewVersion = version[0];
        if (meta.gradFn != null || meta.base.requiresGrad()) meta.gradFn = AsStrided.regenerated(meta.base, this);
    }

    /** Whether this tensor was made in inference mode (as {@code is_inference()}). */
    public boolean isInference() {
        return inference;
    }

    /** Sets the node that produced this tensor (internal: used when an op records itself). */
    void setGradFn(Node node) {
        if (node != null || meta != null) meta().gradFn = node;
    }

    /** As {@code requires_grad_()}: marks a leaf as needing gradients; returns this. */
    public Tensor requiresGrad_() {
        return requiresGrad_(true);
    }

    public Tensor requiresGrad_(boolean requires) {
        if (!isLeaf() && !requires) {
            throw new IllegalStateException("you can only change requires_grad flags of leaf variables. If you want "
                    + "to use a computed variable in a subgraph that doesn't require differentiation use "
                    + "var_no_grad = var.detach().");
        }
        if (requires && inference && !InferenceMode.isEnabled()) {
            throw new IllegalStateException("Setting requires_grad=True on inference tensor outside InferenceMode is "
                    + "not allowed.");
        }
        if (requires && !dtype().isFloatingPoint()) {
            throw new IllegalStateException("only Tensors of floating point dtype can require gradients");
        }
        if (isLeaf() && (requires || meta != null)) meta().requiresGrad = requires;
        return this;
    }

    /**
     * The accumulated gradient of a leaf, or null. For a non-leaf it is null unless
     * {@link #retainGrad()} was called, and PyTorch's warning is printed, as {@code .grad} does.
     */
    public Tensor grad() {
        if (meta == null) return null;
        if (!isLeaf()) meta.warnNonLeafGrad();
        return meta.grad;
    }

    /** As assigning {@code t.grad = g} (null clears it). */
    public void setGrad(Tensor newGrad) {
        if (newGrad != null && newGrad.dtype() != dtype()) {
            throw new IllegalArgumentException("assigned grad has data of a different type");
        }
        if (newGrad != null && !Shapes.same(newGrad.shape, shape)) {
            throw new IllegalArgumentException("assigned grad has data of a different size");
        }
        if (newGrad != null || meta != null) meta().grad = newGrad;
    }

    /** The node that accumulates into this leaf's {@code .grad}, created once (internal: used by the engine). */
    AccumulateGrad gradAccumulator() {
        if (!isLeaf() || !requiresGrad()) return null;
        return meta.gradAccumulator(this);
    }

    /** As {@code retain_grad()}: a non-leaf keeps its gradient in {@code .grad} after backward. */
    public Tensor retainGrad() {
        if (!requiresGrad()) {
            throw new IllegalStateException("can't retain_grad on Tensor that has requires_grad=False");
        }
        if (!isLeaf()) meta.retainGrad(gradFn());
        return this;
    }

    public boolean retainsGrad() {
        return meta != null && meta.retainsGrad;
    }

    /**
     * As {@code register_hook}: {@code hook} sees (and may replace) this tensor's gradient during
     * backward; the handle's {@code remove()} takes it away again.
     */
    public RemovableHandle registerHook(UnaryOperator<Tensor> hook) {
        if (!requiresGrad()) {
            throw new IllegalStateException("cannot register a hook on a tensor that doesn't require gradient");
        }
        return (isLeaf() ? gradAccumulator() : gradFn()).registerPreHook(hook);
    }

    /** As {@code backward()}: the gradient of this scalar with respect to every leaf of its graph. */
    public void backward() {
        backward(null, false, false);
    }

    public void backward(Tensor gradient) {
        backward(gradient, false, false);
    }

    public void backward(Tensor gradient, boolean retainGraph) {
        backward(gradient, retainGraph, false);
    }

    public void backward(Tensor gradient, boolean retainGraph, boolean createGraph) {
        Engine.backward(new Tensor[] {this}, new Tensor[] {gradient}, retainGraph || createGraph, createGraph);
    }

    /**
     * A tensor sharing this one's storage, cut from the graph, as {@code detach()}. It is not an
     * autograd view: writing into it in place is allowed even for a leaf's data, and the shared
     * version counter still guards saved values.
     */
    public Tensor detach() {
        return new Tensor(this, sharedVersion());
    }

    /**
     * As {@code .data}: the same storage without autograd history and with a version counter of
     * its own (starting at 0), so in-place writes through it ({@code w.data.sub_(lr * w.grad)},
     * {@code c.data.mul_(0)}) go unnoticed by autograd, as in PyTorch.
     */
    public Tensor data() {
        return new Tensor(this, null);
    }

    /** As {@code detach_()}: makes this tensor a leaf that needs no grad. */
    public Tensor detach_() {
        if (meta != null) {
            meta.gradFn = null;
            meta.requiresGrad = false;
        }
        return this;
    }

    /** Whether this tensor is a view of another (shares its storage). */
    public boolean isView() {
        return meta != null && meta.base != null;
    }

    /** The tensor this view shares storage with, or null. */
    public Tensor base() {
        return isView() ? meta.base : null;
    }

    /** PyTorch's refusals of an in-place write (internal: in-place ops call it before they write). */
    void checkInPlace() {
        ViewHistory.checkInPlace(this);
    }

    /** As {@code isinstance(t, nn.Parameter)}: whether this tensor is a module parameter. */
    public boolean isParameter() {
        return meta != null && meta.parameter;
    }

    /** Internal: {@code dev.jautograd.nn.Parameter.of} flags the fresh alias it makes; use that instead. */
    Tensor markParameter() {
        if (!isLeaf()) throw new IllegalStateException("only a leaf can be a parameter");
        meta().parameter = true;
        return this;
    }

    // ---------------------------------------------------------------- printing

    /** Exactly PyTorch's {@code repr}, e.g. {@code tensor([89.], grad_fn=<SubBackward0>)}. */
    @Override
    public String toString() {
        List<String> suffixes = new ArrayList<>(1);
        if (gradFn() != null) suffixes.add("grad_fn=<" + gradFn().name() + ">");
        else if (meta != null && meta.requiresGrad) suffixes.add("requires_grad=True");
        boolean isFloat = dtype().isFloatingPoint();
        var data = new TensorData(shape(), dtype(), isFloat ? toDoubleArray() : null, isFloat ? null : toLongArray());
        String repr = TensorFormatter.repr(data, suffixes);
        return isParameter() ? "Parameter containing:\n" + repr : repr;
    }

    @Override
    protected Tensor self() {
        return this;
    }
}

package dev.jautograd;

import dev.jautograd.autograd.AccumulateGrad;
import dev.jautograd.autograd.Engine;
import dev.jautograd.autograd.GradMode;
import dev.jautograd.autograd.InferenceMode;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.RemovableHandle;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.loops.Copy;
import dev.jautograd.ops.AsStrided;
import dev.jautograd.print.TensorData;
import dev.jautograd.print.TensorFormatter;
import dev.jautograd.storage.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An n-dimensional array with PyTorch's semantics: a strided view of a flat {@link Storage},
 * plus the autograd state (leaf or not, {@code requires_grad}, {@code grad}, {@code grad_fn}).
 * The math lives in {@link TensorMath}, which this class extends, so this file stays about
 * what a tensor <em>is</em>.
 */
public final class Tensor extends TensorMath {
    static {
        TensorInternals.register(new TensorAccess());
    }

    private final Storage storage;
    private final int[] shape;
    private final int[] strides;
    private final int offset;
    /** For a view, the tensor whose storage it shares (PyTorch's {@code _base}). */
    private final Tensor base;
    /** PyTorch's version counter: shared by views and {@code detach()}, not by {@code .data}. */
    private final int[] version;

    private boolean leafRequiresGrad;
    private Node gradFn;
    private Tensor grad;
    private AccumulateGrad gradAccumulator;
    private boolean retainsGrad;
    private boolean warnedNonLeafGrad;
    /** Set once by {@code nn.Parameter.of}: Java cannot subclass Tensor, so the flag plays torch's Parameter class. */
    private boolean parameter;
    /** For a view: the version its grad_fn belongs to; an in-place write since regenerates it. */
    private int viewVersion;
    /** Made in inference mode (PyTorch's inference tensor): never part of a graph. */
    private final boolean inference = InferenceMode.isEnabled();

    private Tensor(Storage storage, int[] shape, int[] strides, int offset, Tensor base) {
        this(storage, shape, strides, offset, base, new int[1]);
    }

    private Tensor(Storage storage, int[] shape, int[] strides, int offset, Tensor base, int[] version) {
        this.version = version;
        this.storage = storage;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
        this.base = base;
        if (base != null) viewVersion = version[0];
        if (inference && base == null) storage.markInference();
    }

    /** A new contiguous tensor of zeros. */
    static Tensor empty(DType dtype, int... shape) {
        int[] copy = shape.clone();
        Shapes.checkNewShape(copy);
        return new Tensor(Storage.allocate(dtype, Shapes.numel(copy)), copy, Shapes.contiguousStrides(copy), 0, null);
    }

    /**
     * A new contiguous tensor of zeros with {@code like}'s shape. Internal (loops): it shares the
     * shape array, which no tensor ever mutates, so a small op allocates only what it returns.
     */
    static Tensor emptyLike(Tensor like, DType dtype) {
        return new Tensor(Storage.allocate(dtype, like.numel()), like.shape, Shapes.contiguousStrides(like.shape), 0, null);
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
        return new Tensor(storage, shape.clone(), Shapes.contiguousStrides(shape), 0, null);
    }

    /**
     * A new tensor (not a view) over a storage its kernel just filled, with the given dense
     * strides (internal: elementwise results laid out like a transposed input).
     */
    static Tensor withStrides(Storage storage, int[] shape, int[] strides) {
        return new Tensor(storage, shape.clone(), strides.clone(), 0, null);
    }

    /** A view sharing this tensor's storage (internal: used by view ops). */
    Tensor viewOf(int[] newShape, int[] newStrides, int newOffset) {
        return new Tensor(storage, newShape, newStrides, newOffset, base == null ? this : base, version);
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
    public int version() { return version[0]; }

    /** Marks an in-place write (internal: in-place ops call it after writing). */
    void bumpVersion() {
        // An inference tensor has no version counter (PyTorch): the write is done, then refused.
        if (storage.isInference() && !InferenceMode.isEnabled()) {
            throw new IllegalStateException("Inplace update to inference tensor outside InferenceMode is not allowed."
                    + "You can make a clone to get a normal tensor before doing inplace update."
                    + "See https://github.com/pytorch/rfcs/pull/17 for more details.");
        }
        version[0]++;
    }

    /** The legacy type name PyTorch uses in messages, e.g. {@code torch.FloatTensor}. */
    public String typeName() {
        return switch (dtype()) {
            case FLOAT32 -> "torch.FloatTensor";
            case FLOAT64 -> "torch.DoubleTensor";
            case INT64 -> "torch.LongTensor";
            case BOOL -> "torch.BoolTensor";
        };
    }

    // ---------------------------------------------------------------- elements

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

    /** The element at {@code index} as a double, e.g. {@code t.get(0, 1)}. */
    public double get(int... index) {
        return storage.get(offsetOf(index));
    }

    /**
     * The value of a one-element tensor as a Java {@code double}, as {@code item()} on a float
     * tensor: ready for arithmetic and {@code printf("%.4f", loss.item())}. An int64 or bool
     * tensor's value comes as a double too ({@code 6.0}); {@link #itemLong()} and
     * {@link #itemBool()} give it exactly, and print as Python's {@code 6} and {@code True}.
     */
    public double item() {
        return storage.get(itemOffset());
    }

    /**
     * As {@code int(t.item())}: the exact value of a one-element int64 tensor (a double holds
     * integers exactly only up to 2^53); a float truncates toward zero, a bool is 0 or 1.
     */
    public long itemLong() {
        int at = itemOffset();
        if (dtype().isFloatingPoint()) return (long) storage.get(at);
        return storage.getLong(at);
    }

    /** As {@code bool(t)} of a one-element tensor ({@code item()} of a bool tensor): nonzero is true. */
    public boolean itemBool() {
        if (numel() != 1) {
            throw new IllegalStateException("Boolean value of Tensor with " + (numel() == 0 ? "no values" : "more than one value")
                    + " is ambiguous");
        }
        return storage.get(itemOffset()) != 0;
    }

    private int itemOffset() {
        if (numel() != 1) {
            // Python's Tensor.item() checks first, with this message (the C++ one is never seen there).
            throw new IllegalStateException("only one element tensors can be converted to Python scalars");
        }
        return offsetOf(new int[shape.length]);
    }

    /** All elements in row-major order, as doubles. */
    public double[] toDoubleArray() {
        return Copy.toDoubles(this);
    }

    /** All elements in row-major order, as longs (truncating floats). */
    public long[] toLongArray() {
        return Copy.toLongs(this);
    }

    // ---------------------------------------------------------------- autograd state

    public boolean requiresGrad() {
        return gradFn() != null || leafRequiresGrad;
    }

    /** A tensor is a leaf unless an op recorded with grad produced it. */
    public boolean isLeaf() {
        return gradFn() == null;
    }

    public Node gradFn() {
        if (base != null && viewVersion != version[0]) regenerateViewGradFn();
        return gradFn;
    }

    /**
     * PyTorch's view + in-place rule: once the storage was written in place, a view's gradient
     * goes through its base's current history (AsStridedBackward0 on the base's grad_fn).
     */
    private void regenerateViewGradFn() {
        viewVersion = version[0];
        if (gradFn != null || base.requiresGrad()) gradFn = AsStrided.regenerated(base, this);
    }

    /** Whether this tensor was made in inference mode (as {@code is_inference()}). */
    public boolean isInference() {
        return inference;
    }

    /** Sets the node that produced this tensor (internal: used when an op records itself). */
    void setGradFn(Node node) {
        this.gradFn = node;
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
        if (isLeaf()) leafRequiresGrad = requires;
        return this;
    }

    /**
     * The accumulated gradient of a leaf, or null. For a non-leaf it is null unless
     * {@link #retainGrad()} was called, and PyTorch's warning is printed, as {@code .grad} does.
     */
    public Tensor grad() {
        if (!isLeaf() && !retainsGrad && !warnedNonLeafGrad) {
            warnedNonLeafGrad = true;
            System.err.println("UserWarning: The .grad attribute of a Tensor that is not a leaf Tensor is being "
                    + "accessed. Its .grad attribute won't be populated during autograd.backward(). If you indeed "
                    + "want the .grad field to be populated for a non-leaf Tensor, use .retain_grad() on the "
                    + "non-leaf Tensor. If you access the non-leaf Tensor by mistake, make sure you access the leaf "
                    + "Tensor instead.");
        }
        return grad;
    }

    /** As assigning {@code t.grad = g} (null clears it). */
    public void setGrad(Tensor newGrad) {
        if (newGrad != null && newGrad.dtype() != dtype()) {
            throw new IllegalArgumentException("assigned grad has data of a different type");
        }
        if (newGrad != null && !Shapes.same(newGrad.shape, shape)) {
            throw new IllegalArgumentException("assigned grad has data of a different size");
        }
        this.grad = newGrad;
    }

    /** The node that accumulates into this leaf's {@code .grad}, created once (internal: used by the engine). */
    AccumulateGrad gradAccumulator() {
        if (!isLeaf() || !requiresGrad()) return null;
        if (gradAccumulator == null) gradAccumulator = new AccumulateGrad(this);
        return gradAccumulator;
    }

    /** As {@code retain_grad()}: a non-leaf keeps its gradient in {@code .grad} after backward. */
    public Tensor retainGrad() {
        if (!requiresGrad()) {
            throw new IllegalStateException("can't retain_grad on Tensor that has requires_grad=False");
        }
        if (isLeaf() || retainsGrad) return this;
        retainsGrad = true;
        gradFn().registerPreHook(g -> {
            grad = grad == null ? g.detach().clone() : grad.add(g.detach());
            return g;
        });
        return this;
    }

    public boolean retainsGrad() {
        return retainsGrad;
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
        return new Tensor(storage, shape, strides, offset, null, version);
    }

    /**
     * As {@code .data}: the same storage without autograd history and with a version counter of
     * its own (starting at 0), so in-place writes through it ({@code w.data.sub_(lr * w.grad)},
     * {@code c.data.mul_(0)}) go unnoticed by autograd, as in PyTorch.
     */
    public Tensor data() {
        return new Tensor(storage, shape, strides, offset, null, new int[1]);
    }

    /** As {@code detach_()}: makes this tensor a leaf that needs no grad. */
    public Tensor detach_() {
        gradFn = null;
        leafRequiresGrad = false;
        return this;
    }

    /** Whether this tensor is a view of another (shares its storage). */
    public boolean isView() {
        return base != null;
    }

    /** The tensor this view shares storage with, or null. */
    public Tensor base() {
        return base;
    }

    /**
     * Guards an in-place write with PyTorch's rules, then bumps the version counter.
     * Internal: called by in-place ops before they write.
     */
    void checkInPlace() {
        if (GradMode.isEnabled() && requiresGrad() && isLeaf()) {
            throw new IllegalStateException(isView()
                    ? "a view of a leaf Variable that requires grad is being used in an in-place operation."
                    : "a leaf Variable that requires grad is being used in an in-place operation.");
        }
        if (GradMode.isEnabled() && isView() && base.requiresGrad() && base.isLeaf()) {
            throw new IllegalStateException(
                    "a view of a leaf Variable that requires grad is being used in an in-place operation.");
        }
    }

    /** As {@code isinstance(t, nn.Parameter)}: whether this tensor is a module parameter. */
    public boolean isParameter() {
        return parameter;
    }

    /** Internal: {@code dev.jautograd.nn.Parameter.of} flags the fresh alias it makes; use that instead. */
    Tensor markParameter() {
        if (!isLeaf()) throw new IllegalStateException("only a leaf can be a parameter");
        parameter = true;
        return this;
    }

    // ---------------------------------------------------------------- printing

    /** Exactly PyTorch's {@code repr}, e.g. {@code tensor([89.], grad_fn=<SubBackward0>)}. */
    @Override
    public String toString() {
        List<String> suffixes = new ArrayList<>(1);
        if (gradFn() != null) suffixes.add("grad_fn=<" + gradFn().name() + ">");
        else if (leafRequiresGrad) suffixes.add("requires_grad=True");
        boolean isFloat = dtype().isFloatingPoint();
        var data = new TensorData(shape(), dtype(), isFloat ? toDoubleArray() : null, isFloat ? null : toLongArray());
        String repr = TensorFormatter.repr(data, suffixes);
        return parameter ? "Parameter containing:\n" + repr : repr;
    }

    @Override
    protected Tensor self() {
        return this;
    }
}

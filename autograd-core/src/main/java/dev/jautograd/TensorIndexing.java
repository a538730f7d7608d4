package dev.jautograd;

import dev.jautograd.loops.Copy;
import dev.jautograd.ops.Indexing;
import dev.jautograd.ops.MaskedFill;
import dev.jautograd.ops.Slicing;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Indexing, slicing, joining and writing into parts of a tensor, PyTorch's subscripts as
 * methods: {@code x[0]} is {@code x.select(0, 0)}, {@code x[:, 1]} is {@code x.select(1, 1)},
 * {@code x[1::3]} is {@code x.slice(0, 1, null, 3)}, {@code x[mask]} is {@code x.index(mask)},
 * {@code x[0, 1] = 5.} is {@code x.set(5., 0, 1)}. select, slice, narrow, split and chunk are
 * views: writing into them in place writes into this tensor, as in PyTorch.
 */
public abstract sealed class TensorIndexing permits TensorReductions {
    /** The tensor these methods act on. */
    protected abstract Tensor self();

    /** Applies an op in place with PyTorch's checks and history rules (see {@link TensorMath}). */
    protected abstract Tensor inPlace(UnaryOperator<Tensor> op);

    // ---------------------------------------------------------------- views

    /** {@code x.select(dim, index)}: {@code x[index]} along dim, the dim removed (a view). */
    public Tensor select(int dim, int index) { return Slicing.select(self(), dim, index); }

    /** {@code x[start:end:step]} along dim (a view); null bounds are open, out-of-range bounds clamp. */
    public Tensor slice(int dim, Integer start, Integer end, int step) {
        return Slicing.slice(self(), dim, start, end, step);
    }

    public Tensor slice(int dim, Integer start, Integer end) { return Slicing.slice(self(), dim, start, end, 1); }

    /** {@code narrow(dim, start, length)}: a view of {@code length} elements along dim. */
    public Tensor narrow(int dim, int start, int length) { return Slicing.narrow(self(), dim, start, length); }

    /** {@code split(size)}: views of {@code size} elements along dim 0, the last possibly shorter. */
    public List<Tensor> split(int size) { return Slicing.split(self(), size, 0); }

    public List<Tensor> split(int size, int dim) { return Slicing.split(self(), size, dim); }

    /** {@code split([2, 1])}: views of the given sizes. */
    public List<Tensor> split(int[] sizes) { return Slicing.splitWithSizes(self(), sizes, 0); }

    public List<Tensor> split(int[] sizes, int dim) { return Slicing.splitWithSizes(self(), sizes, dim); }

    public List<Tensor> chunk(int chunks) { return Slicing.chunk(self(), chunks, 0); }

    public List<Tensor> chunk(int chunks, int dim) { return Slicing.chunk(self(), chunks, dim); }

    // ---------------------------------------------------------------- copies by index or mask

    /** {@code x[index]}: an int64 tensor picks entries of dim 0; a bool tensor keeps where it is true. */
    public Tensor index(Tensor index) { return Indexing.index(self(), index); }

    /** {@code x[i, j]} with int64 tensors for the leading dims, e.g. {@code logits[arange(n), labels]}. */
    public Tensor index(Tensor... indices) { return Indexing.index(self(), indices); }

    public Tensor indexSelect(int dim, Tensor index) { return Indexing.indexSelect(self(), dim, index); }

    public Tensor gather(int dim, Tensor index) { return Indexing.gather(self(), dim, index); }

    public Tensor maskedSelect(Tensor mask) { return Indexing.maskedSelect(self(), mask); }

    public Tensor maskedFill(Tensor mask, double value) { return MaskedFill.apply(self(), mask, value); }

    // ---------------------------------------------------------------- writing into parts

    /** {@code x[i, j, …] = value}: one element written in place (CopySlices on a tensor with history). */
    public Tensor set(double value, int... index) {
        Tensor element = self();
        for (int i : index) element = element.select(0, i);
        element.fill_(value);
        return self();
    }

    /** {@code x[i, j, …] = t} for a tensor {@code t} (broadcast into the selected part). */
    public Tensor set(Tensor value, int... index) {
        Tensor part = self();
        for (int i : index) part = part.select(0, i);
        part.copy_(value);
        return self();
    }

    /** {@code x[index] = values} (an int64 or bool index), in place: PyTorch's index_put_. */
    public Tensor indexPut_(Tensor index, Tensor values) {
        return inPlace(t -> Indexing.indexPut(t, index, values));
    }

    /** {@code x[index] = value} for a number. */
    public Tensor indexPut_(Tensor index, double value) {
        return inPlace(t -> Indexing.indexPut(t, index, dev.jautograd.ops.Graph.scalar(value, t)));
    }

    public Tensor maskedFill_(Tensor mask, double value) { return inPlace(t -> t.maskedFill(mask, value)); }

    // ---------------------------------------------------------------- to Java

    /** The element at {@code index} as a double, e.g. {@code t.get(0, 1)}. */
    public double get(int... index) {
        return self().storage().get(self().offsetOf(index));
    }

    /**
     * The value of a one-element tensor as a Java {@code double}, as {@code item()} on a float
     * tensor: ready for arithmetic and {@code printf("%.4f", loss.item())}. An int64 or bool
     * tensor's value comes as a double too ({@code 6.0}); {@link #itemLong()} and
     * {@link #itemBool()} give it exactly, and print as Python's {@code 6} and {@code True}.
     */
    public double item() {
        return self().storage().get(itemOffset());
    }

    /**
     * As {@code int(t.item())}: the exact value of a one-element int64 tensor (a double holds
     * integers exactly only up to 2^53); a float truncates toward zero, a bool is 0 or 1.
     */
    public long itemLong() {
        int at = itemOffset();
        if (self().dtype().isFloatingPoint()) return (long) self().storage().get(at);
        return self().storage().getLong(at);
    }

    /** As {@code bool(t)} of a one-element tensor ({@code item()} of a bool tensor): nonzero is true. */
    public boolean itemBool() {
        int n = self().numel();
        if (n != 1) {
            throw new IllegalStateException("Boolean value of Tensor with " + (n == 0 ? "no values" : "more than one value")
                    + " is ambiguous");
        }
        return self().storage().get(itemOffset()) != 0;
    }

    private int itemOffset() {
        if (self().numel() != 1) {
            // Python's Tensor.item() checks first, with this message (the C++ one is never seen there).
            throw new IllegalStateException("only one element tensors can be converted to Python scalars");
        }
        return self().offsetOf(new int[self().dim()]);
    }

    /** All elements in row-major order, as doubles. */
    public double[] toDoubleArray() {
        return Copy.toDoubles(self());
    }

    /** All elements in row-major order, as longs (truncating floats). */
    public long[] toLongArray() {
        return Copy.toLongs(self());
    }

    /**
     * As {@code tolist()}: nested lists of Double (Long for int64, Boolean for bool), or the
     * number itself for a 0-dim tensor. Java prints {@code [[1.0, 2.0], [3.0, 4.0]]} as Python does.
     */
    public Object tolist() {
        Tensor t = self();
        double[] values = t.dtype().isFloatingPoint() ? t.toDoubleArray() : null;
        long[] longs = values == null ? t.toLongArray() : null;
        return nest(t.shape(), 0, new int[1], values, longs, t.dtype() == DType.BOOL);
    }

    private static Object nest(int[] shape, int dim, int[] next, double[] values, long[] longs, boolean bool) {
        if (dim == shape.length) {
            int i = next[0]++;
            return values != null ? (Object) values[i] : bool ? (Object) (longs[i] != 0) : (Object) longs[i];
        }
        List<Object> out = new ArrayList<>(shape[dim]);
        for (int i = 0; i < shape[dim]; i++) out.add(nest(shape, dim + 1, next, values, longs, bool));
        return out;
    }
}

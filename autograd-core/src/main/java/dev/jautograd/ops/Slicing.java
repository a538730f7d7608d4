package dev.jautograd.ops;

import static dev.jautograd.internal.TensorInternals.viewOf;

import dev.jautograd.Shapes;
import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.loops.Copy;
import java.util.ArrayList;
import java.util.List;

/**
 * Views that keep part of one dim: {@code select} (SelectBackward0, the dim dropped),
 * {@code slice}/{@code narrow} (SliceBackward0), the pieces of {@code split}/{@code chunk}
 * (SplitBackward0, SplitWithSizesBackward0). The gradient is the view's gradient placed into
 * zeros of the input's shape, itself an op (…BackwardBackward0) whose gradient is the same cut.
 */
public final class Slicing extends Node {
    /** Elements start, start+step, … (length of them) along dim; drop removes the dim (select). */
    record Cut(int dim, int start, int length, int step, boolean drop) {
        Geometry apply(Geometry in) {
            int rank = in.shape().length;
            int[] shape = new int[drop ? rank - 1 : rank], strides = new int[shape.length];
            for (int d = 0, k = 0; d < rank; d++) {
                if (d == dim && drop) continue;
                shape[k] = d == dim ? length : in.shape()[d];
                strides[k++] = d == dim ? in.strides()[d] * step : in.strides()[d];
            }
            return new Geometry(shape, strides, in.offset() + (length == 0 && !drop ? 0 : start * in.strides()[dim]));
        }
    }

    private final int[] inputShape;
    private final Cut cut;
    private final boolean scatter;

    private Slicing(String name, Tensor input, Cut cut, boolean scatter, int[] inputShape) {
        super(name, input);
        this.inputShape = inputShape;
        this.cut = cut;
        this.scatter = scatter;
    }

    /** {@code x[i]} along dim: the dim is dropped. */
    public static Tensor select(Tensor input, int dim, int index) {
        if (input.dim() == 0) throw new IndexOutOfBoundsException("select() cannot be applied to a 0-dim tensor.");
        int d = Shapes.wrapDim(dim, input.dim()), size = input.size(d);
        if (index < -size || index >= size) {
            throw new IndexOutOfBoundsException("select(): index " + index + " out of range for tensor of size "
                    + Shapes.listString(input.shape()) + " at dimension " + d);
        }
        return view("SelectBackward0", input, new Cut(d, index < 0 ? index + size : index, 1, 1, true));
    }

    /** {@code x[start:end:step]} along dim, with Python's clamping of out-of-range bounds; null is open. */
    public static Tensor slice(Tensor input, int dim, Integer start, Integer end, int step) {
        if (input.dim() == 0) throw new IndexOutOfBoundsException("slice() cannot be applied to a 0-dim tensor.");
        if (step == 0) throw new IllegalArgumentException("slice step cannot be zero");
        if (step < 0) throw new IllegalArgumentException("step must be greater than zero");
        int d = Shapes.wrapDim(dim, input.dim()), size = input.size(d);
        int from = clampBound(start == null ? 0 : start, size);
        int to = Math.max(from, clampBound(end == null ? size : end, size));
        return view("SliceBackward0", input, new Cut(d, from, (to - from + step - 1) / step, step, false));
    }

    private static int clampBound(int bound, int size) {
        return Math.min(Math.max(bound < 0 ? bound + size : bound, 0), size);
    }

    /** {@code narrow(dim, start, length)}: like a slice, but out-of-range bounds are errors. */
    public static Tensor narrow(Tensor input, int dim, int start, int length) {
        if (input.dim() == 0) throw new IllegalArgumentException("narrow() cannot be applied to a 0-dim tensor.");
        int d = Shapes.wrapDim(dim, input.dim()), size = input.size(d);
        // PyTorch 1.13 wraps start as if it were a dim (hence its message), except start == size.
        int from = start == size ? start : Shapes.wrapDim(start, size);
        if (length < 0 || from > size - length) {
            throw new IllegalArgumentException("start (" + from + ") + length (" + length
                    + ") exceeds dimension size (" + size + ").");
        }
        return view("SliceBackward0", input, new Cut(d, from, length, 1, false));
    }

    /** {@code split(sizes, dim)}: consecutive pieces of the given sizes (SplitWithSizesBackward0). */
    public static List<Tensor> splitWithSizes(Tensor input, int[] sizes, int dim) {
        int d = Shapes.wrapDim(dim, input.dim()), total = 0;
        for (int s : sizes) total += s;
        if (total != input.size(d)) {
            throw new IllegalArgumentException("split_with_sizes expects split_sizes to sum exactly to "
                    + input.size(d) + " (input tensor's size at dimension " + d + "), but got split_sizes="
                    + Shapes.listString(sizes));
        }
        return pieces("SplitWithSizesBackward0", input, d, sizes);
    }

    /** {@code split(size, dim)} and {@code chunk}: pieces of {@code size}, the last one shorter (SplitBackward0). */
    public static List<Tensor> split(Tensor input, int size, int dim) {
        int d = Shapes.wrapDim(dim, input.dim()), n = input.size(d);
        if (size < 0) throw new IllegalArgumentException("split expects split_size be non-negative, but got split_size="
                + size);
        if (size == 0 && n != 0) {
            throw new IllegalArgumentException("split_size can only be 0 if dimension size is 0, but got dimension "
                    + "size of " + n);
        }
        int count = n == 0 ? 1 : (n + size - 1) / size;
        int[] sizes = new int[count];
        for (int i = 0; i < count; i++) sizes[i] = Math.min(size, n - i * size);
        return pieces("SplitBackward0", input, d, sizes);
    }

    /** {@code chunk(chunks, dim)}: as split with ceil(size / chunks) per piece. */
    public static List<Tensor> chunk(Tensor input, int chunks, int dim) {
        if (input.dim() == 0) throw new IllegalArgumentException("chunk expects at least a 1-dimensional tensor");
        if (chunks <= 0) throw new IllegalArgumentException("chunk expects `chunks` to be greater than 0, got: "
                + chunks);
        int n = input.size(dim);
        return split(input, (n + chunks - 1) / chunks, dim);
    }

    private static List<Tensor> pieces(String name, Tensor input, int dim, int[] sizes) {
        var out = new ArrayList<Tensor>(sizes.length);
        for (int i = 0, start = 0; i < sizes.length; start += sizes[i++]) {
            out.add(view(name, input, new Cut(dim, start, sizes[i], 1, false)));
        }
        return out;
    }

    private static Tensor view(String name, Tensor input, Cut cut) {
        Geometry g = cut.apply(Geometry.of(input));
        Tensor out = viewOf(input, g.shape(), g.strides(), g.offset());
        return Graph.records(input) ? Graph.attach(out, new Slicing(name, input, cut, false, input.shape())) : out;
    }

    /** Zeros of {@code shape} with {@code values} written where the cut reads (the cut's backward). */
    private static Tensor place(Tensor values, int[] shape, Cut cut, String viewName) {
        Tensor out = TensorInternals.empty(values.dtype(), shape);
        Geometry g = cut.apply(Geometry.of(out));
        Copy.copyInto(viewOf(out, g.shape(), g.strides(), g.offset()), values);
        String name = viewName.replace("Backward0", "BackwardBackward0");
        return Graph.records(values) ? Graph.attach(out, new Slicing(name, values, cut, true, shape)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        if (!scatter) return new Tensor[] {place(grad, inputShape, cut, name())};
        return new Tensor[] {view(cut.drop() ? "SelectBackward0" : "SliceBackward0", grad, cut)};
    }
}

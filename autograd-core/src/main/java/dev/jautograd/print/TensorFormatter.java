package dev.jautograd.print;

import dev.jautograd.DType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** PyTorch 1.13's {@code repr(tensor)} ({@code torch/_tensor_str.py}), character for character. */
public final class TensorFormatter {

    private static final String PREFIX = "tensor(";
    /** Marks the elided middle of a summarised dimension in a list of positions. */
    private static final int ELLIPSIS = -1;

    private final TensorData data;
    private final PrintOptions options;
    private final int[] strides;
    private final boolean summarize;

    private TensorFormatter(TensorData data, PrintOptions options) {
        this.data = data;
        this.options = options;
        this.strides = rowMajorStrides(data.shape());
        this.summarize = data.numel() > options.threshold();
    }

    /**
     * The text PyTorch prints for a tensor, e.g. {@code tensor([5.], requires_grad=True)}, under the
     * current {@link PrintOptions}. {@code trailingSuffixes} (such as {@code grad_fn=<SubBackward0>} or
     * {@code requires_grad=True}) follow the dtype/size suffixes this method adds itself.
     */
    public static String repr(TensorData data, List<String> trailingSuffixes) {
        var options = PrintOptions.current();
        int indent = PREFIX.length();
        var suffixes = new ArrayList<String>();
        String body;
        if (data.numel() == 0) {
            // Empty tensors show their shape unless it is (0,), and their dtype unless it is the default
            // float type: there are no elements to tell int64 or bool apart.
            if (data.shape().length != 1) {
                suffixes.add("size=" + PythonText.tuple(data.shape()));
            }
            if (data.dtype() != DType.defaultFloat()) {
                suffixes.add("dtype=" + data.dtype());
            }
            body = "[]";
        } else {
            if (!hasDefaultDtype(data.dtype())) {
                suffixes.add("dtype=" + data.dtype());
            }
            body = new TensorFormatter(data, options).body(indent);
        }
        suffixes.addAll(trailingSuffixes);
        return addSuffixes(PREFIX + body, suffixes, indent, options.lineWidth());
    }

    /** Elements already say int64 or bool ("5", "True"), and float32 is the default float type. */
    private static boolean hasDefaultDtype(DType dtype) {
        return dtype == DType.defaultFloat() || dtype == DType.INT64 || dtype == DType.BOOL;
    }

    private String body(int indent) {
        if (summarize && options.edgeItems() == 0 && data.shape().length >= 2) {
            // get_summarized_data stacks zero sub-tensors per summarised axis; torch fails the same way
            throw new IllegalStateException("stack expects a non-empty TensorList");
        }
        var formatter = ElementFormatter.choose(data, shownIndices(), options);
        return nested(formatter, 0, 0, indent);
    }

    /** {@code _tensor_str_with_formatter}: one axis, its sub-tensors separated by dim-1 blank lines. */
    private String nested(ElementFormatter formatter, int axis, int offset, int indent) {
        int rank = data.shape().length;
        if (rank == 0) {
            return formatter.format(0);
        }
        if (axis == rank - 1) {
            return vector(formatter, offset, indent);
        }
        var slices = new ArrayList<String>();
        for (int position : shownPositions(data.shape()[axis])) {
            slices.add(position == ELLIPSIS ? "..."
                    : nested(formatter, axis + 1, offset + position * strides[axis], indent + 1));
        }
        var separator = "," + "\n".repeat(rank - axis - 1) + " ".repeat(indent + 1);
        return "[" + String.join(separator, slices) + "]";
    }

    /** {@code _vector_str}: as many elements per line as fit in the line width, at least one. */
    private String vector(ElementFormatter formatter, int offset, int indent) {
        int elementLength = formatter.width() + 2;  // ", " between elements
        int perLine = Math.max(1, Math.floorDiv(options.lineWidth() - indent, elementLength));
        var items = new ArrayList<String>();
        for (int position : shownPositions(data.shape()[data.shape().length - 1])) {
            items.add(position == ELLIPSIS ? " ..." : formatter.format(offset + position));
        }
        var lines = new ArrayList<String>();
        for (int start = 0; start < items.size(); start += perLine) {
            lines.add(String.join(", ", items.subList(start, Math.min(items.size(), start + perLine))));
        }
        return "[" + String.join(",\n" + " ".repeat(indent + 1), lines) + "]";
    }

    /** Positions shown along an axis of this size: all, or both edges around an {@link #ELLIPSIS}. */
    private int[] shownPositions(int size) {
        int edge = options.edgeItems();
        if (!summarize || size <= 2 * edge) {
            return IntStream.range(0, size).toArray();
        }
        // PyTorch takes the tail as t[-edge:], and t[-0:] is all of t: with edge items 0 a summarised
        // vector prints "..." and then every element.
        int tailStart = edge == 0 ? 0 : size - edge;
        return IntStream.concat(
                IntStream.concat(IntStream.range(0, edge), IntStream.of(ELLIPSIS)),
                IntStream.range(tailStart, size)).toArray();
    }

    /** {@code get_summarized_data}: the row-major positions of every element that will be printed. */
    private int[] shownIndices() {
        var indices = IntStream.builder();
        collectShown(0, 0, indices);
        return indices.build().toArray();
    }

    private void collectShown(int axis, int offset, IntStream.Builder indices) {
        if (axis == data.shape().length) {
            indices.add(offset);
            return;
        }
        for (int position : shownPositions(data.shape()[axis])) {
            if (position != ELLIPSIS) {
                collectShown(axis + 1, offset + position * strides[axis], indices);
            }
        }
    }

    /**
     * {@code _add_suffixes}: each suffix goes on the same line unless that would pass the line width.
     * PyTorch measures the last line as {@code len - rfind("\n") + 1}, two more than its length on a
     * single line and one more after a newline; the same count is kept here so the breaks agree.
     */
    private static String addSuffixes(String text, List<String> suffixes, int indent, int lineWidth) {
        var result = new StringBuilder(text);
        int lastLineLength = text.length() - text.lastIndexOf('\n') + 1;
        for (var suffix : suffixes) {
            if (lastLineLength + suffix.length() + 2 > lineWidth) {
                result.append(",\n").append(" ".repeat(indent)).append(suffix);
                lastLineLength = indent + suffix.length();
            } else {
                result.append(", ").append(suffix);
                lastLineLength += suffix.length() + 2;
            }
        }
        return result.append(")").toString();
    }

    private static int[] rowMajorStrides(int[] shape) {
        var strides = new int[shape.length];
        int stride = 1;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            strides[axis] = stride;
            stride *= shape[axis];
        }
        return strides;
    }
}

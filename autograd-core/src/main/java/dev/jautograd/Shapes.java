package dev.jautograd;

import java.util.Arrays;
import java.util.StringJoiner;

/** Shape arithmetic shared by tensors, loops and the engine: sizes, strides, broadcasting, dims. */
public final class Shapes {
    private Shapes() {}

    public static int numel(int[] shape) {
        long n = 1;
        for (int s : shape) n *= s;
        if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("tensor of " + n + " elements is too large");
        return (int) n;
    }

    /** PyTorch's checks on the sizes of a new tensor: no negative dim, no overflowing element count. */
    public static void checkNewShape(int[] shape) {
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("Trying to create tensor with negative dimension " + s + ": "
                        + listString(shape));
            }
        }
        checkStorageSize(shape);
    }

    /** The element count as PyTorch computes it (int64, overflow checked); above 2^31 - 1 this library stops. */
    static void checkStorageSize(int[] shape) {
        long n = 1;
        try {
            for (int s : shape) n = Math.multiplyExact(n, s);
            Math.multiplyExact(n, 8L); // bytes, as PyTorch's computeStorageNbytes
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Storage size calculation overflowed with sizes=" + listString(shape));
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("tensors of more than 2^31 - 1 elements are not supported (sizes="
                    + listString(shape) + ")");
        }
    }

    /** Row-major strides, as a freshly allocated PyTorch tensor has. */
    public static int[] contiguousStrides(int[] shape) {
        int[] strides = new int[shape.length];
        int stride = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = stride;
            stride *= Math.max(shape[i], 1);
        }
        return strides;
    }

    /** NumPy broadcasting: align trailing dims; each pair must be equal or contain a 1. */
    public static int[] broadcast(int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        // From the last dim backwards, as PyTorch's infer_size, so the error names the same dim.
        for (int i = rank - 1; i >= 0; i--) {
            int da = dimFromEnd(a, rank - 1 - i), db = dimFromEnd(b, rank - 1 - i);
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException("The size of tensor a (" + da + ") must match the size of tensor b ("
                        + db + ") at non-singleton dimension " + i);
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    private static int dimFromEnd(int[] shape, int fromEnd) {
        int i = shape.length - 1 - fromEnd;
        return i >= 0 ? shape[i] : 1;
    }

    /** Whether {@code from} can be broadcast (expanded) to {@code to}. */
    public static boolean expandable(int[] from, int[] to) {
        if (from.length > to.length) return false;
        for (int i = 1; i <= from.length; i++) {
            int f = from[from.length - i], t = to[to.length - i];
            if (f != t && f != 1) return false;
        }
        return true;
    }

    /** Wraps a possibly negative dim into [0, rank), with PyTorch's IndexError wording. */
    public static int wrapDim(int dim, int rank) {
        int effectiveRank = Math.max(rank, 1); // a 0-dim tensor accepts dim 0 and -1, as in PyTorch
        if (dim < -effectiveRank || dim >= effectiveRank) {
            throw new IndexOutOfBoundsException("Dimension out of range (expected to be in range of ["
                    + -effectiveRank + ", " + (effectiveRank - 1) + "], but got " + dim + ")");
        }
        return dim < 0 ? dim + effectiveRank : dim;
    }

    /** PyTorch's {@code torch.Size([2, 3])} text. */
    public static String sizeString(int[] shape) {
        return "torch.Size(" + listString(shape) + ")";
    }

    /** {@code [2, 3]}, the way PyTorch lists sizes in error messages. */
    public static String listString(int[] shape) {
        StringJoiner joiner = new StringJoiner(", ", "[", "]");
        for (int s : shape) joiner.add(Integer.toString(s));
        return joiner.toString();
    }

    public static boolean same(int[] a, int[] b) {
        return Arrays.equals(a, b);
    }
}

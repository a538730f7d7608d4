package dev.jautograd.loops;

import static dev.jautograd.internal.TensorInternals.hasDefaultStrides;
import static dev.jautograd.internal.TensorInternals.storage;

import dev.jautograd.DType;
import dev.jautograd.Shapes;
import dev.jautograd.Tensor;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.storage.FloatStorage;
import dev.jautograd.storage.Storage;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Elementwise loops, with NumPy broadcasting for two inputs. Arithmetic is done in double and
 * rounded once to the output dtype; for float32 +, -, *, / and sqrt that is exactly the
 * float32 operation (double has more than twice float's precision), so values match PyTorch.
 * A result is laid out as PyTorch lays it out ({@link OutputLayout}): like a transposed input.
 */
public final class Elementwise {
    private Elementwise() {}

    public static Tensor map(Tensor a, DType outType, DoubleUnaryOperator f) {
        if (a.isContiguous()) return mapRowMajor(a, outType, f); // one contiguous input: always row-major
        int[] layout = OutputLayout.strides(a.shape(), a);
        if (layout != null) return OutputLayout.compute(a.shape(), layout, in -> mapRowMajor(in[0], outType, f), a);
        return mapRowMajor(a, outType, f);
    }

    /** The loop: a row-major result. */
    private static Tensor mapRowMajor(Tensor a, DType outType, DoubleUnaryOperator f) {
        if (f instanceof FloatFunction named && Loops.fastPaths()) {
            Tensor fast = DenseFloat.map(a, outType, named);
            if (fast != null) return fast;
        }
        boolean pytorchFloats = f instanceof FloatFunction named && named.sleef()
                && outType == DType.FLOAT32 && storage(a) instanceof FloatStorage;
        if (pytorchFloats) a = a.contiguous();
        Tensor out = TensorInternals.empty(outType, a.shape());
        int n = out.numel();
        Storage dst = storage(out), src = storage(a);
        if (a.isContiguous() && src instanceof FloatStorage fs && dst instanceof FloatStorage fd) {
            float[] in = fs.array(), res = fd.array();
            int base = a.storageOffset();
            if (pytorchFloats) ((FloatFunction) f).pytorchFloats(in, base, res, 0, 0, n, n);
            else for (int i = 0; i < n; i++) res[i] = (float) f.applyAsDouble(in[base + i]);
            return out;
        }
        int[] at = Strided.offsets(a);
        for (int i = 0; i < n; i++) dst.set(i, f.applyAsDouble(src.get(at[i])));
        return out;
    }

    public static Tensor zip(Tensor a, Tensor b, DType outType, DoubleBinaryOperator f) {
        if (!hasDefaultStrides(a) || !hasDefaultStrides(b)) { // default strides never reorder dimensions
            int[] shape = Shapes.broadcast(a.shape(), b.shape());
            int[] layout = OutputLayout.strides(shape, a, b);
            if (layout != null) {
                return OutputLayout.compute(shape, layout, in -> zipRowMajor(in[0], in[1], outType, f), a, b);
            }
        }
        return zipRowMajor(a, b, outType, f);
    }

    /**
     * {@code f(a, b)} written over a itself, where a named gradient loop ({@link Derivative})
     * applies to dense float32 operands of one shape: for a caller that owns a (a backward
     * function's incoming gradient nobody else holds). Null where it does not apply.
     */
    public static Tensor zipInto(Tensor a, Tensor b, DType outType, DoubleBinaryOperator f) {
        if (!(f instanceof Derivative d) || !Loops.fastPaths() || a.dtype() != outType) return null;
        return DenseFloat.zip(a, b, outType, d, a);
    }

    /** The loop: a row-major result, with broadcasting. */
    private static Tensor zipRowMajor(Tensor a, Tensor b, DType outType, DoubleBinaryOperator f) {
        if (outType == DType.INT64 && f instanceof Arith op && op != Arith.DIV) return LongArith.zip(a, b, op);
        if (f instanceof Arith op && Loops.fastPaths()) {
            Tensor fast = DenseFloat.zip(a, b, outType, op);
            if (fast == null) fast = StridedFloat.zip(a, b, outType, op);
            if (fast != null) return fast;
        }
        if (f instanceof Derivative d && Loops.fastPaths()) {
            Tensor fast = DenseFloat.zip(a, b, outType, d, null);
            if (fast != null) return fast;
        }
        int[] shape = Shapes.broadcast(a.shape(), b.shape());
        Tensor out = TensorInternals.empty(outType, shape);
        int n = out.numel();
        Storage dst = storage(out), sa = storage(a), sb = storage(b);
        if (sameDenseFloats(a, b, shape) && dst instanceof FloatStorage fd) {
            float[] x = ((FloatStorage) sa).array(), y = ((FloatStorage) sb).array(), res = fd.array();
            int oa = a.storageOffset(), ob = b.storageOffset();
            for (int i = 0; i < n; i++) res[i] = (float) f.applyAsDouble(x[oa + i], y[ob + i]);
            return out;
        }
        // A dense operand in output order is read straight from its offset: no index array to build.
        int[] atA = a.isContiguous() && a.numel() == n ? null
                : Strided.offsets(shape, Strided.broadcastStrides(a, shape), a.storageOffset());
        int[] atB = b.isContiguous() && b.numel() == n ? null
                : Strided.offsets(shape, Strided.broadcastStrides(b, shape), b.storageOffset());
        int oa = a.storageOffset(), ob = b.storageOffset();
        for (int i = 0; i < n; i++) {
            double x = sa.get(atA == null ? oa + i : atA[i]), y = sb.get(atB == null ? ob + i : atB[i]);
            dst.set(i, f.applyAsDouble(x, y));
        }
        return out;
    }

    private static boolean sameDenseFloats(Tensor a, Tensor b, int[] shape) {
        return storage(a) instanceof FloatStorage && storage(b) instanceof FloatStorage
                && a.isContiguous() && b.isContiguous()
                && Shapes.same(a.shape(), shape) && Shapes.same(b.shape(), shape);
    }

    /**
     * dst += alpha·src in place where the dense float32 loop applies (both float32, dense, src of
     * dst's shape or a row of it, alpha already the float the op rounds it to); false otherwise. The caller checks
     * that nothing records and bumps the version.
     */
    public static boolean addInto(Tensor dst, Tensor src, float alpha) {
        return Loops.fastPaths() && DenseFloat.addInto(dst, src, alpha);
    }

    /** Applies {@code f} to every element of {@code dst} in place; the caller bumps the version if it is an in-place op. */
    public static void mapInPlace(Tensor dst, DoubleUnaryOperator f) {
        Storage s = storage(dst);
        for (int at : Strided.offsets(dst)) s.set(at, f.applyAsDouble(s.get(at)));
    }

    /** Sets every element of {@code dst} to {@code value} (fill_, zero_, full). */
    public static void fill(Tensor dst, double value) {
        if (Loops.fastPaths() && dst.isContiguous() && storage(dst) instanceof FloatStorage fs) {
            int from = dst.storageOffset();
            java.util.Arrays.fill(fs.array(), from, from + dst.numel(), (float) value);
            return;
        }
        mapInPlace(dst, x -> value);
    }

    /** {@code cond ? a : b} per element, all three broadcast together (torch.where). */
    public static Tensor select(Tensor cond, Tensor a, Tensor b, DType outType) {
        int[] shape = Shapes.broadcast(Shapes.broadcast(cond.shape(), a.shape()), b.shape()); // PyTorch's order
        if (Loops.fastPaths()) {
            Tensor fast = DenseFloat.select(cond, a, b, shape, outType);
            if (fast != null) return fast;
        }
        Tensor out = TensorInternals.empty(outType, shape);
        int[] atC = Strided.offsets(shape, Strided.broadcastStrides(cond, shape), cond.storageOffset());
        int[] atA = Strided.offsets(shape, Strided.broadcastStrides(a, shape), a.storageOffset());
        int[] atB = Strided.offsets(shape, Strided.broadcastStrides(b, shape), b.storageOffset());
        Storage dst = storage(out), sc = storage(cond), sa = storage(a), sb = storage(b);
        for (int i = 0; i < atC.length; i++) {
            dst.set(i, sc.get(atC[i]) != 0 ? sa.get(atA[i]) : sb.get(atB[i]));
        }
        return out;
    }
}

package dev.jautograd.kernels;

import dev.jautograd.DType;
import dev.jautograd.Shapes;
import dev.jautograd.Tensor;
import dev.jautograd.storage.FloatStorage;
import dev.jautograd.storage.Storage;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Elementwise loops, with NumPy broadcasting for two inputs. Arithmetic is done in double and
 * rounded once to the output dtype; for float32 +, -, *, / and sqrt that is exactly the
 * float32 operation (double has more than twice float's precision), so values match PyTorch.
 */
public final class Elementwise {
    private Elementwise() {}

    public static Tensor map(Tensor a, DType outType, DoubleUnaryOperator f) {
        Tensor out = Tensor.empty(outType, a.shape());
        int n = out.numel();
        Storage dst = out.storage(), src = a.storage();
        if (a.isContiguous() && src instanceof FloatStorage fs && dst instanceof FloatStorage fd) {
            float[] in = fs.array(), res = fd.array();
            int base = a.storageOffset();
            for (int i = 0; i < n; i++) res[i] = (float) f.applyAsDouble(in[base + i]);
            return out;
        }
        int[] at = Strided.offsets(a);
        for (int i = 0; i < n; i++) dst.set(i, f.applyAsDouble(src.get(at[i])));
        return out;
    }

    public static Tensor zip(Tensor a, Tensor b, DType outType, DoubleBinaryOperator f) {
        int[] shape = Shapes.broadcast(a.shape(), b.shape());
        Tensor out = Tensor.empty(outType, shape);
        int n = out.numel();
        Storage dst = out.storage(), sa = a.storage(), sb = b.storage();
        if (sameDenseFloats(a, b, shape) && dst instanceof FloatStorage fd) {
            float[] x = ((FloatStorage) sa).array(), y = ((FloatStorage) sb).array(), res = fd.array();
            int oa = a.storageOffset(), ob = b.storageOffset();
            for (int i = 0; i < n; i++) res[i] = (float) f.applyAsDouble(x[oa + i], y[ob + i]);
            return out;
        }
        int[] atA = Strided.offsets(shape, Strided.broadcastStrides(a, shape), a.storageOffset());
        int[] atB = Strided.offsets(shape, Strided.broadcastStrides(b, shape), b.storageOffset());
        for (int i = 0; i < n; i++) dst.set(i, f.applyAsDouble(sa.get(atA[i]), sb.get(atB[i])));
        return out;
    }

    private static boolean sameDenseFloats(Tensor a, Tensor b, int[] shape) {
        return a.storage() instanceof FloatStorage && b.storage() instanceof FloatStorage
                && a.isContiguous() && b.isContiguous()
                && Shapes.same(a.shape(), shape) && Shapes.same(b.shape(), shape);
    }

    /** Applies {@code f} to every element of {@code dst} in place (for in-place ops and fills). */
    public static void mapInPlace(Tensor dst, DoubleUnaryOperator f) {
        Storage s = dst.storage();
        for (int at : Strided.offsets(dst)) s.set(at, f.applyAsDouble(s.get(at)));
        s.bumpVersion();
    }

    /** {@code cond ? a : b} per element, all three broadcast together (torch.where). */
    public static Tensor select(Tensor cond, Tensor a, Tensor b, DType outType) {
        int[] shape = Shapes.broadcast(Shapes.broadcast(cond.shape(), a.shape()), b.shape()); // PyTorch's order
        Tensor out = Tensor.empty(outType, shape);
        int[] atC = Strided.offsets(shape, Strided.broadcastStrides(cond, shape), cond.storageOffset());
        int[] atA = Strided.offsets(shape, Strided.broadcastStrides(a, shape), a.storageOffset());
        int[] atB = Strided.offsets(shape, Strided.broadcastStrides(b, shape), b.storageOffset());
        Storage dst = out.storage(), sc = cond.storage(), sa = a.storage(), sb = b.storage();
        for (int i = 0; i < atC.length; i++) {
            dst.set(i, sc.get(atC[i]) != 0 ? sa.get(atA[i]) : sb.get(atB[i]));
        }
        return out;
    }
}

package dev.jautograd.loops;

import static dev.jautograd.internal.TensorInternals.sameShape;
import static dev.jautograd.internal.TensorInternals.storage;

import dev.jautograd.DType;
import dev.jautograd.Shapes;
import dev.jautograd.Tensor;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.storage.FloatStorage;

/**
 * Fast paths for float32 tensors laid out densely: one flat loop per op over the backing arrays,
 * split over threads when large. Each method returns null when its layout does not apply, and
 * the caller falls back to the plain strided loop, which defines the expected values.
 */
final class DenseFloat {
    private DenseFloat() {}

    static Tensor map(Tensor a, DType outType, FloatFunction f) {
        if (outType != DType.FLOAT32 || !(storage(a) instanceof FloatStorage fs) || !a.isContiguous()) return null;
        Tensor out = TensorInternals.emptyLike(a, DType.FLOAT32);
        float[] x = fs.array(), r = array(out);
        int ox = a.storageOffset(), n = r.length;
        if (f.sleef() && (long) n * f.cost() < Parallel.MIN_PARALLEL) {
            f.pytorchFloats(x, ox, r, 0, 0, n, n); // no lambda on the small-tensor path (see scalarRight)
        } else if (f.sleef()) {
            // claimed in batches (Parallel.forUnits): a worker that gets its core late takes less
            // (exp of 10^7 floats under load: median 4.2-4.5 ms against 4.8-5.5 ms in halves, measured)
            Parallel.forUnits(n, f.cost(), (from, to) -> f.pytorchFloats(x, ox, r, 0, from, to, n));
        } else if (n < splitFrom(ox == 0)) {
            f.dense(x, ox, r, 0, n); // no lambda on the small-tensor path: nothing to allocate
        } else {
            Parallel.forUnits(n, f.cost(), new Parallel.Range() { // a class, not a lambda linked on a first relu
                @Override
                public void run(int from, int to) {
                    f.dense(x, ox + from, r, from, to - from);
                }
            });
        }
        return out;
    }

    static Tensor zip(Tensor a, Tensor b, DType outType, Arith op) {
        if (outType != DType.FLOAT32 || !(storage(a) instanceof FloatStorage fa)
                || !(storage(b) instanceof FloatStorage fb) || !a.isContiguous() || !b.isContiguous()) {
            return null;
        }
        float[] x = fa.array(), y = fb.array();
        int ox = a.storageOffset(), oy = b.storageOffset();
        if (sameShape(a, b)) {
            Tensor out = TensorInternals.emptyLike(a, DType.FLOAT32);
            float[] r = array(out);
            int n = r.length;
            if (n < splitFrom(ox == 0 && oy == 0)) op.dense(x, ox, y, oy, r, 0, n);
            else Parallel.forUnits(n, 1, (from, to) -> op.dense(x, ox + from, y, oy + from, r, from, to - from));
            return out;
        }
        int[] shapeB = b.shape(), shape = Shapes.broadcast(a.shape(), shapeB);
        int n = Shapes.numel(shape), na = a.numel(), nb = b.numel();
        if (na == n && nb == 1) return scalarRight(x, ox, y[oy], shape, op);
        if (nb == n && na == 1) return scalarLeft(x[ox], y, oy, shape, op);
        if (na == n && isSuffix(shapeB, shape)) return rowsRight(x, ox, y, oy, nb, shape, op);
        return null;
    }

    /**
     * A gradient formula over a dense float32 grad and saved value of one shape, into {@code into}
     * (dense, of that shape: the grad itself when the node may overwrite it) or a new tensor.
     */
    static Tensor zip(Tensor g, Tensor y, DType outType, Derivative f, Tensor into) {
        if (outType != DType.FLOAT32 || !(storage(g) instanceof FloatStorage fg) || !(storage(y) instanceof FloatStorage fy)
                || !g.isContiguous() || !y.isContiguous() || !sameShape(g, y)) {
            return null;
        }
        Tensor out = into != null ? into : TensorInternals.emptyLike(g, DType.FLOAT32);
        float[] a = fg.array(), b = fy.array(), r = array(out);
        int og = g.storageOffset(), oy = y.storageOffset(), or = out.storageOffset(), n = g.numel();
        if (n < splitFrom(og == or && oy == or)) f.dense(a, og, b, oy, r, or, n);
        else Parallel.forUnits(n, 1, new Parallel.Range() { // a class, not a lambda linked on a first backward
            @Override
            public void run(int from, int to) {
                f.dense(a, og + from, b, oy + from, r, or + from, to - from);
            }
        });
        return out;
    }

    /**
     * x += alpha·y written into x: y dense of x's shape (not partly overlapping it) or a row
     * repeated along x's leading dims (a bias). ATen's add_ loop: x + y for alpha 1, else
     * fmadd(y, alpha, x) rounded once, as {@code Add} computes it. Split by {@code forUnits}, as
     * the gradient loops above: a step's loops are short, and a worker that gets its core late
     * would otherwise hold the caller for half of each.
     */
    static boolean addInto(Tensor x, Tensor y, float alpha) {
        if (!(storage(x) instanceof FloatStorage fx) || !(storage(y) instanceof FloatStorage fy)
                || !x.isContiguous() || !y.isContiguous() || x.numel() == 0) {
            return false;
        }
        boolean same = sameShape(x, y);
        if (!(same || isSuffix(y.shape(), x.shape())) || (fx == fy && !(same && x.storageOffset() == y.storageOffset()))) {
            return false;
        }
        float[] r = fx.array(), b = fy.array();
        int ox = x.storageOffset(), oy = y.storageOffset(), period = y.numel(), rows = x.numel() / period;
        if (rows == 1 && period < splitFrom(ox == oy)) {
            addRow(r, ox, b, oy, period, alpha);
        } else if (rows == 1) {
            Parallel.forUnits(period, 1, (from, to) -> addRow(r, ox + from, b, oy + from, to - from, alpha));
        } else {
            Parallel.forUnits(rows, period, (from, to) -> {
                for (int row = from; row < to; row++) addRow(r, ox + row * period, b, oy, period, alpha);
            });
        }
        return true;
    }

    private static void addRow(float[] r, int or, float[] b, int ob, int len, float alpha) {
        if (alpha == 1) Arith.ADD.dense(r, or, b, ob, r, or, len);
        else if (or == ob) for (int i = or; i < or + len; i++) r[i] = Math.fma(b[i], alpha, r[i]); // vectorised: see Arith.aligned
        else for (int i = 0; i < len; i++) r[or + i] = Math.fma(b[ob + i], alpha, r[or + i]);
    }

    private static Tensor scalarRight(float[] x, int ox, float s, int[] shape, Arith op) {
        Tensor out = TensorInternals.empty(DType.FLOAT32, shape);
        float[] r = array(out);
        // Small tensors call the loop directly: a lambda is spun (~1 ms) the first time its line
        // runs in a JVM unless the class-data archive holds it, and a notebook's first x * 0.9 paid that.
        if (r.length < splitFrom(ox == 0)) op.scalarRight(x, ox, s, r, 0, r.length);
        else Parallel.forUnits(r.length, 1, (from, to) -> op.scalarRight(x, ox + from, s, r, from, to - from));
        return out;
    }

    private static Tensor scalarLeft(float s, float[] y, int oy, int[] shape, Arith op) {
        Tensor out = TensorInternals.empty(DType.FLOAT32, shape);
        float[] r = array(out);
        if (r.length < splitFrom(oy == 0)) op.scalarLeft(s, y, oy, r, 0, r.length); // as scalarRight
        else Parallel.forUnits(r.length, 1, (from, to) -> op.scalarLeft(s, y, oy + from, r, from, to - from));
        return out;
    }

    /** b repeats along the leading dims (a bias row added to every row): one dense loop per row. */
    private static Tensor rowsRight(float[] x, int ox, float[] y, int oy, int period, int[] shape, Arith op) {
        Tensor out = TensorInternals.empty(DType.FLOAT32, shape);
        float[] r = array(out);
        int rows = r.length / period;
        Parallel.forRange(rows, period, new Parallel.Range() { // a class, not a lambda linked on a first bias add
            @Override
            public void run(int from, int to) {
                for (int row = from; row < to; row++) op.dense(x, ox + row * period, y, oy, r, row * period, period);
            }
        });
        return out;
    }

    /**
     * {@code cond ? a : b} (torch.where) where cond is dense in the result's shape and each of a,
     * b is dense in it or a single value: ReLU's gradient, {@code where(result > 0, grad, 0)},
     * is this, and the strided loop's index arrays made it a fifth of an MLP step.
     */
    static Tensor select(Tensor cond, Tensor a, Tensor b, int[] shape, DType outType) {
        int n = Shapes.numel(shape);
        if (outType != DType.FLOAT32 || !(storage(cond) instanceof dev.jautograd.storage.BoolStorage bs)
                || !dense(cond, shape) || !denseOrSingle(a, shape) || !denseOrSingle(b, shape)) {
            return null;
        }
        boolean[] c = bs.array();
        float[] x = ((FloatStorage) storage(a)).array(), y = ((FloatStorage) storage(b)).array();
        int oc = cond.storageOffset(), ox = a.storageOffset(), oy = b.storageOffset();
        int sx = a.numel() == n ? 1 : 0, sy = b.numel() == n ? 1 : 0; // stride 0 repeats a single value
        Tensor out = TensorInternals.empty(DType.FLOAT32, shape);
        float[] r = array(out);
        Parallel.forRange(n, (from, to) -> {
            for (int i = from; i < to; i++) r[i] = c[oc + i] ? x[ox + i * sx] : y[oy + i * sy];
        });
        return out;
    }

    private static boolean dense(Tensor t, int[] shape) {
        return t.isContiguous() && Shapes.same(t.shape(), shape);
    }

    private static boolean denseOrSingle(Tensor t, int[] shape) {
        return storage(t) instanceof FloatStorage && (t.numel() == 1 || dense(t, shape));
    }

    /** Whether {@code small}, without its leading 1s, is exactly the trailing dims of {@code shape}. */
    private static boolean isSuffix(int[] small, int[] shape) {
        int lead = 0;
        while (lead < small.length && small[lead] == 1) lead++;
        int len = small.length - lead;
        if (len == 0 || len > shape.length) return false;
        for (int i = 0; i < len; i++) {
            if (small[lead + i] != shape[shape.length - len + i]) return false;
        }
        return true;
    }

    /**
     * Elements from which a cheap loop (cost 1) is split over the workers. The one-index loops C2
     * vectorises (equal offsets: Arith#aligned) run 32 768 floats in 5-8 us on one thread, and
     * split they took 15-18 us (relu, add, a scalar product; medians 18-21 us against 7-10,
     * under load ~6): handing half to a worker costs more than the half. So those split from
     * 4x MIN_PARALLEL; the per-offset loops, scalar and 3-6x slower, from MIN_PARALLEL as before.
     */
    private static int splitFrom(boolean aligned) {
        return aligned ? 4 * Parallel.MIN_PARALLEL : Parallel.MIN_PARALLEL;
    }

    static float[] array(Tensor t) {
        return ((FloatStorage) storage(t)).array();
    }
}

package dev.jautograd;

import dev.jautograd.autograd.GradMode;
import dev.jautograd.autograd.Node;
import dev.jautograd.loops.Copy;
import dev.jautograd.loops.Elementwise;
import dev.jautograd.ops.Add;
import dev.jautograd.ops.Bmm;
import dev.jautograd.ops.Clamp;
import dev.jautograd.ops.Clone;
import dev.jautograd.ops.Compare;
import dev.jautograd.ops.Div;
import dev.jautograd.ops.Dot;
import dev.jautograd.ops.Expand;
import dev.jautograd.ops.Graph;
import dev.jautograd.ops.LogSoftmax;
import dev.jautograd.ops.Matmul;
import dev.jautograd.ops.Max;
import dev.jautograd.ops.Mean;
import dev.jautograd.ops.Mm;
import dev.jautograd.ops.Mul;
import dev.jautograd.ops.Mv;
import dev.jautograd.ops.Pointwise;
import dev.jautograd.ops.Overwrite;
import dev.jautograd.ops.Permute;
import dev.jautograd.ops.Pow;
import dev.jautograd.ops.Rsub;
import dev.jautograd.ops.Softmax;
import dev.jautograd.ops.Squeeze;
import dev.jautograd.ops.Sub;
import dev.jautograd.ops.Sum;
import dev.jautograd.ops.TensorPow;
import dev.jautograd.ops.Transpose;
import dev.jautograd.ops.Unsqueeze;
import dev.jautograd.ops.View;
import java.util.function.UnaryOperator;

/**
 * The operator methods of {@link Tensor}, named as PyTorch's (camelCase), each one line that
 * hands over to the op that owns the forward and backward. Python's operators become methods:
 * {@code a ** 3 - b ** 2} is {@code a.pow(3).sub(b.pow(2))}, {@code 1 - x} is {@code x.rsub(1)}.
 * A {@code double} argument plays a Python number: it does not widen the tensor's dtype.
 */
public abstract sealed class TensorMath extends TensorReductions permits Tensor {
    /** The tensor these methods act on. */
    protected abstract Tensor self();

    private Tensor number(double value) {
        return Graph.scalar(value, self());
    }

    // ---------------------------------------------------------------- arithmetic

    public Tensor add(Tensor other) { return Add.apply(self(), other); }

    public Tensor add(double other) { return Add.apply(self(), number(other)); }

    /** {@code torch.add(self, other, alpha=alpha)}: self + alpha * other. */
    public Tensor add(Tensor other, double alpha) { return Add.apply(self(), other, alpha); }

    public Tensor sub(Tensor other) { return Sub.apply(self(), other); }

    public Tensor sub(double other) { return Sub.apply(self(), number(other)); }

    /** {@code other - self}, as {@code torch.rsub}. */
    public Tensor rsub(Tensor other) { return Rsub.apply(self(), other); }

    /** {@code other - self} for a number, as Python's {@code 1 - t}. */
    public Tensor rsub(double other) { return Rsub.apply(self(), other); }

    public Tensor mul(Tensor other) { return Mul.apply(self(), other); }

    public Tensor mul(double other) { return Mul.apply(self(), number(other)); }

    public Tensor div(Tensor other) { return Div.apply(self(), other); }

    public Tensor div(double other) { return Div.apply(self(), number(other)); }

    /** {@code other / self} for a number: Python's {@code 2 / t} is {@code t.reciprocal() * 2} in PyTorch. */
    public Tensor rdiv(double other) { return reciprocal().mul(other); }

    public Tensor reciprocal() { return Pointwise.RECIPROCAL.apply(self()); }

    public Tensor neg() { return Pointwise.neg(self()); }

    public Tensor pow(double exponent) { return Pow.apply(self(), exponent); }

    public Tensor pow(Tensor exponent) { return TensorPow.apply(self(), exponent); }

    // ---------------------------------------------------------------- pointwise functions

    public Tensor exp() { return Pointwise.EXP.apply(self()); }

    public Tensor log() { return Pointwise.LOG.apply(self()); }

    /** ln(1 + x), accurate for small x. */
    public Tensor log1p() { return Pointwise.LOG1P.apply(self()); }

    /** e^x − 1, accurate for small x. */
    public Tensor expm1() { return Pointwise.EXPM1.apply(self()); }

    public Tensor sqrt() { return Pointwise.SQRT.apply(self()); }

    public Tensor abs() { return Pointwise.ABS.apply(self()); }

    public Tensor sign() { return Pointwise.SIGN.apply(self()); }

    public Tensor sin() { return Pointwise.SIN.apply(self()); }

    public Tensor cos() { return Pointwise.COS.apply(self()); }

    public Tensor tanh() { return Pointwise.TANH.apply(self()); }

    public Tensor sigmoid() { return Pointwise.SIGMOID.apply(self()); }

    public Tensor relu() { return Pointwise.RELU.apply(self()); }

    /** {@code clamp(min, max)}; pass null for a missing bound. */
    public Tensor clamp(Double min, Double max) { return Clamp.apply(self(), min, max); }

    public Tensor clamp(double min, double max) { return Clamp.apply(self(), min, max); }

    public Tensor clampMin(double min) { return Clamp.applyMin(self(), min); }

    public Tensor clampMax(double max) { return Clamp.applyMax(self(), max); }

    // ---------------------------------------------------------------- reductions

    public Tensor sum() { return Sum.apply(self()); }

    public Tensor sum(int dim) { return sum(new int[] {dim}, false); }

    public Tensor sum(int dim, boolean keepdim) { return sum(new int[] {dim}, keepdim); }

    public Tensor sum(int[] dims, boolean keepdim) { return Sum.apply(self(), dims, keepdim); }

    public Tensor mean() { return Mean.apply(self()); }

    public Tensor mean(int dim) { return mean(new int[] {dim}, false); }

    public Tensor mean(int dim, boolean keepdim) { return mean(new int[] {dim}, keepdim); }

    public Tensor mean(int[] dims, boolean keepdim) { return Mean.apply(self(), dims, keepdim); }

    /** The largest element (0-dim). */
    public Tensor max() { return Max.apply(self()); }

    /** Index of the first largest element of the flattened tensor, int64. */
    public Tensor argmax() { return Max.argmax(self()); }

    public Tensor argmax(int dim) { return Max.argmax(self(), dim, false); }

    public Tensor argmax(int dim, boolean keepdim) { return Max.argmax(self(), dim, keepdim); }

    public Tensor softmax(int dim) { return Softmax.apply(self(), dim); }

    public Tensor logSoftmax(int dim) { return LogSoftmax.apply(self(), dim); }

    /**
     * As {@code sum_to_size}: sums broadcast dims away so the result has {@code shape}. This is
     * the reduction the engine applies to every gradient that arrives broadcast.
     */
    public Tensor sumToSize(int... shape) {
        Tensor t = self();
        if (Shapes.same(t.shape(), shape)) return t;
        if (!Shapes.expandable(shape, t.shape())) {
            throw new IllegalArgumentException("size {" + Shapes.listString(shape) + "} is not expandable to size {"
                    + Shapes.listString(t.shape()) + "}.");
        }
        int lead = t.dim() - shape.length, count = 0;
        // a plain loop, not an IntStream: the engine calls this on every broadcast gradient (a
        // bias's), and a stream pipeline's classes and lambda cost a fresh JVM's first backward ~1-10 ms
        int[] reduce = new int[t.dim()];
        for (int d = 0; d < t.dim(); d++) {
            if (d < lead || (shape[d - lead] == 1 && t.size(d) != 1)) reduce[count++] = d;
        }
        Tensor summed = t.sum(java.util.Arrays.copyOf(reduce, count), true);
        return lead == 0 ? summed : summed.view(shape);
    }

    // ---------------------------------------------------------------- linear algebra

    /** {@code torch.matmul}: dot, matrix-vector, matrix-matrix or batched, by the inputs' ranks. */
    public Tensor matmul(Tensor other) { return Matmul.apply(self(), other); }

    public Tensor mm(Tensor other) { return Mm.apply(self(), other); }

    public Tensor mv(Tensor vector) { return Mv.apply(self(), vector); }

    public Tensor dot(Tensor other) { return Dot.apply(self(), other); }

    public Tensor bmm(Tensor other) { return Bmm.apply(self(), other); }

    // ---------------------------------------------------------------- shape

    public Tensor t() { return Transpose.t(self()); }

    public Tensor transpose(int dim0, int dim1) { return Transpose.apply(self(), dim0, dim1); }

    public Tensor permute(int... dims) { return Permute.apply(self(), dims); }

    public Tensor view(int... shape) { return View.view(self(), shape); }

    public Tensor reshape(int... shape) { return View.reshape(self(), shape); }

    /** As {@code flatten()}: a 1-D tensor is returned as it is (no node), as PyTorch's start_dim == end_dim case. */
    public Tensor flatten() { return self().dim() == 1 ? self() : reshape(-1); }

    public Tensor squeeze() { return Squeeze.all(self()); }

    public Tensor squeeze(int dim) { return Squeeze.dim(self(), dim); }

    public Tensor unsqueeze(int dim) { return Unsqueeze.apply(self(), dim); }

    public Tensor expand(int... sizes) { return Expand.apply(self(), sizes); }

    public Tensor expandAs(Tensor other) { return expand(other.shape()); }

    /** This tensor if already contiguous, else a contiguous copy (CloneBackward0). */
    public Tensor contiguous() { return self().isContiguous() ? self() : Clone.apply(self()); }

    public Tensor clone() { return Clone.apply(self()); }

    /** As {@code to(dtype)}: this tensor if the dtype matches, else a converted copy. */
    public Tensor to(DType dtype) { return Clone.to(self(), dtype); }

    // ---------------------------------------------------------------- comparison and logic

    public Tensor eq(Tensor other) { return Compare.eq(self(), other); }

    public Tensor eq(double other) { return Compare.eq(self(), number(other)); }

    public Tensor ne(Tensor other) { return Compare.ne(self(), other); }

    public Tensor ne(double other) { return Compare.ne(self(), number(other)); }

    public Tensor gt(Tensor other) { return Compare.gt(self(), other); }

    public Tensor gt(double other) { return Compare.gt(self(), number(other)); }

    public Tensor ge(Tensor other) { return Compare.ge(self(), other); }

    public Tensor ge(double other) { return Compare.ge(self(), number(other)); }

    public Tensor lt(Tensor other) { return Compare.lt(self(), other); }

    public Tensor lt(double other) { return Compare.lt(self(), number(other)); }

    public Tensor le(Tensor other) { return Compare.le(self(), other); }

    public Tensor le(double other) { return Compare.le(self(), number(other)); }

    public Tensor logicalAnd(Tensor other) { return Compare.and(self(), other); }

    public Tensor logicalOr(Tensor other) { return Compare.or(self(), other); }

    public Tensor logicalNot() { return Compare.not(self()); }

    // ---------------------------------------------------------------- in place

    public Tensor add_(Tensor other) { return add_(other, 1); }

    public Tensor add_(double other) { return inPlace(t -> t.add(other)); }

    public Tensor add_(Tensor other, double alpha) {
        Tensor self = self();
        self.checkInPlace();
        if (!Add.intoSelf(self, other, alpha)) return inPlace(t -> t.add(other, alpha));
        self.bumpVersion();
        return self;
    }

    public Tensor sub_(Tensor other) { return inPlace(t -> t.sub(other)); }

    public Tensor sub_(double other) { return inPlace(t -> t.sub(other)); }

    public Tensor mul_(Tensor other) { return inPlace(t -> t.mul(other)); }

    public Tensor mul_(double other) { return inPlace(t -> t.mul(other)); }

    public Tensor div_(Tensor other) { return inPlace(t -> t.div(other)); }

    public Tensor div_(double other) { return inPlace(t -> t.div(other)); }

    public Tensor clamp_(Double min, Double max) { return inPlace(t -> t.clamp(min, max)); }

    public Tensor relu_() { return inPlace(TensorMath::relu); }

    /** As {@code copy_(src)}: src broadcast and cast into this tensor's elements (CopyBackwards). */
    public Tensor copy_(Tensor src) {
        Tensor self = self();
        self.checkInPlace();
        Node node = Overwrite.copy(self, src);
        Copy.copyInto(self, src);
        self.bumpVersion();
        return overwritten(self, node);
    }

    /** As {@code zero_()}, e.g. {@code w.grad().zero_()} between steps (ZeroBackward0). */
    public Tensor zero_() { return fill(0, true); }

    /** As {@code fill_(value)} (FillBackward2). */
    public Tensor fill_(double value) { return fill(value, false); }

    private Tensor fill(double value, boolean zero) {
        Tensor self = self();
        self.checkInPlace();
        Node node = Overwrite.fill(self, zero);
        Elementwise.fill(self, value);
        self.bumpVersion();
        return overwritten(self, node);
    }

    private static Tensor overwritten(Tensor self, Node node) {
        if (node != null) ViewHistory.rebase(self, node);
        return self;
    }

    /**
     * The in-place form of {@code op}: PyTorch's rules on leaves and views, the result written
     * into this tensor's storage, the version bumped (so saved copies of the old values are
     * detected), and this tensor's history rebased onto the op's node.
     */
    @Override
    protected final Tensor inPlace(UnaryOperator<Tensor> op) {
        Tensor self = self();
        self.checkInPlace();
        Tensor result = op.apply(GradMode.isEnabled() ? snapshot(self) : self);
        if (result.dtype() != self.dtype() && !canCast(result.dtype(), self.dtype())) {
            throw new IllegalArgumentException("result type " + result.dtype().scalarTypeName()
                    + " can't be cast to the desired output type " + self.dtype().scalarTypeName());
        }
        Copy.copyInto(self, result);
        self.bumpVersion();
        if (result.requiresGrad() && GradMode.isEnabled()) ViewHistory.rebase(self, result.gradFn());
        return self;
    }

    /**
     * The values {@code self} has before the write, with its history: PyTorch saves this
     * original self for in-place ops whose gradient needs it (mul_, div_, clamp_), so the write
     * does not invalidate what backward reads.
     */
    private static Tensor snapshot(Tensor self) {
        Tensor copy = self.detach().clone();
        if (self.gradFn() != null) copy.setGradFn(self.gradFn());
        return copy;
    }

    private static boolean canCast(DType from, DType to) {
        return to.isFloatingPoint() || !from.isFloatingPoint() && (to == DType.INT64 || from == DType.BOOL);
    }

}

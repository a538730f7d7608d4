package dev.jautograd.ops;

import static dev.jautograd.internal.TensorInternals.sameShape;

import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.storage.Storage;

/**
 * Binary cross entropy of probabilities, -(y·log x + (1 - y)·log(1 - x)) with each log clamped
 * at -100, computed per element in ATen's order, then reduced (BinaryCrossEntropyBackward0).
 * Gradients: grad·(x - y) / max((1 - x)·x, 1e-12) for x, and -logit(x)·grad for y, each over N
 * for "mean".
 */
public final class BinaryCrossEntropy extends Node {
    private static final double EPSILON = 1e-12;
    private final SavedTensor input;
    private final SavedTensor target;
    private final Reduction reduction;

    private BinaryCrossEntropy(Tensor input, Tensor target, Reduction reduction) {
        super("BinaryCrossEntropyBackward0", input, target);
        this.input = save(input);
        this.target = save(target);
        this.reduction = reduction;
    }

    public static Tensor apply(Tensor input, Tensor target, Reduction reduction) {
        if (!sameShape(input, target)) {
            throw new IllegalArgumentException("Using a target size (" + size(target) + ") that is different to the "
                    + "input size (" + size(input) + ") is deprecated. Please ensure they have the same size.");
        }
        if (!input.dtype().isFloatingPoint() || input.dtype() != target.dtype()) {
            throw new IllegalArgumentException("Found dtype " + target.dtype().scalarTypeName()
                    + " but expected " + input.dtype().scalarTypeName());
        }
        Tensor out = reduction.apply(elementwise(input, target));
        return Graph.records(input, target) ? Graph.attach(out, new BinaryCrossEntropy(input, target, reduction)) : out;
    }

    static String size(Tensor t) {
        return "torch.Size(" + dev.jautograd.Shapes.listString(t.shape()) + ")";
    }

    private static Tensor elementwise(Tensor input, Tensor target) {
        double[] x = input.toDoubleArray(), y = target.toDoubleArray();
        boolean f32 = input.dtype() == DType.FLOAT32;
        Storage out = Storage.allocate(input.dtype(), x.length);
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] >= 0 && x[i] <= 1)) throw new IllegalStateException("all elements of input should be between 0 and 1");
            if (!(y[i] >= 0 && y[i] <= 1)) throw new IllegalStateException("all elements of target should be between 0 and 1");
            out.set(i, f32 ? loss32((float) x[i], (float) y[i]) : loss64(x[i], y[i]));
        }
        return TensorInternals.wrap(out, input.shape());
    }

    /** In float throughout, as the float kernel (Loss.cpp is built without FMA contraction). */
    private static float loss32(float x, float y) {
        float log1m = Math.max((float) Math.log1p(-x), -100f), logx = Math.max((float) Math.log(x), -100f);
        return (y - 1f) * log1m - y * logx;
    }

    private static double loss64(double x, double y) {
        return (y - 1) * Math.max(Math.log1p(-x), -100) - y * Math.max(Math.log(x), -100);
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        Tensor x = input.get(), y = target.get();
        Tensor gradInput = null, gradTarget = null;
        if (needsInputGrad(0)) {
            gradInput = grad.mul(x.sub(y)).div(x.rsub(1).mul(x).clampMin(EPSILON));
            if (reduction == Reduction.MEAN) gradInput = gradInput.div(x.numel());
        }
        if (needsInputGrad(1)) {
            gradTarget = x.div(x.rsub(1)).log().neg().mul(grad);
            if (reduction == Reduction.MEAN) gradTarget = gradTarget.div(y.numel());
        }
        return new Tensor[] {gradInput, gradTarget};
    }
}

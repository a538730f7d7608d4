package dev.jautograd.ops;

import static dev.jautograd.internal.TensorInternals.storage;

import dev.jautograd.DType;
import dev.jautograd.Shapes;
import dev.jautograd.Tensor;
import dev.jautograd.autograd.GradMode;
import dev.jautograd.autograd.Node;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.storage.Storage;
import java.util.List;

/**
 * Negative log-likelihood of class targets for a (C) or (N, C) input: -input[i, target[i]],
 * summed, averaged over the targets not equal to ignoreIndex, or kept per row. The sum follows
 * ATen's nll_loss_out_frame: a cascade of partial sums, carried up every 16 targets. Only the N
 * picked entries are read, and only their positions are kept for the gradient.
 *
 * <p>The gradient is ATen's nll_loss_backward: a zero-filled tensor of the input's shape with
 * -grad (over the count, for "mean") at each (i, target[i]). With create_graph it is built from
 * tensor ops instead, so it stays differentiable in grad.
 */
public final class NllLoss extends Node {
    private static final int LEVELS = 8;
    private final int[] shape;
    /** Each row's target as a flat index into a contiguous tensor of the input's shape; -1 where ignored. */
    private final int[] hits;
    private final Reduction reduction;
    private final double totalWeight;

    private NllLoss(Tensor input, int[] hits, Reduction reduction, double totalWeight) {
        super("NllLossBackward0", input);
        this.shape = input.shape();
        this.hits = hits;
        this.reduction = reduction;
        this.totalWeight = totalWeight;
    }

    public static Tensor apply(Tensor input, Tensor target) {
        return apply(input, target, Reduction.MEAN, -100);
    }

    public static Tensor apply(Tensor input, Tensor target, Reduction reduction, long ignoreIndex) {
        checkShapes(input, target);
        int classes = input.size(-1), batch = input.dim() == 1 ? 1 : input.size(0);
        long[] targets = target.toLongArray();
        boolean f32 = input.dtype() == DType.FLOAT32;
        int[] hits = new int[batch];
        double[] perRow = new double[batch], partial = new double[LEVELS];
        int ignored = 0;
        for (int b = 0; b < batch; b++) {
            hits[b] = -1;
            if (targets[b] == ignoreIndex) { ignored++; continue; }
            if (targets[b] < 0 || targets[b] >= classes) {
                throw new IndexOutOfBoundsException("Target " + targets[b] + " is out of bounds.");
            }
            hits[b] = b * classes + (int) targets[b];
            double x = picked(input, b, (int) targets[b]);
            perRow[b] = -x;
            partial[0] = round(partial[0] - x, f32);
            // ATen carries level j into j + 1 whenever b's j-th group of 4 bits is zero (b = 0 included).
            for (int j = 0; j + 1 < LEVELS && (b & (15 << (4 * j))) == 0; j++) {
                partial[j + 1] = round(partial[j + 1] + partial[j], f32);
                partial[j] = 0;
            }
        }
        double total = batch - ignored;
        Tensor out = reduction == Reduction.NONE && input.dim() == 2
                ? fromValues(input.dtype(), perRow, batch) : fromValues(input.dtype(), reduced(partial, total, reduction, f32));
        return Graph.records(input) ? Graph.attach(out, new NllLoss(input, hits, reduction, total)) : out;
    }

    /** input[b, c] (input[c] for a 1-D input), read in place whatever the strides. */
    private static double picked(Tensor input, int b, int c) {
        int at = input.storageOffset() + c * input.stride(-1) + (input.dim() == 2 ? b * input.stride(0) : 0);
        return storage(input).get(at);
    }

    private static double reduced(double[] partial, double total, Reduction reduction, boolean f32) {
        double sum = 0;
        for (double p : partial) sum = round(sum + p, f32);
        return reduction == Reduction.MEAN ? round(sum / (f32 ? (float) total : total), f32) : sum;
    }

    private static double round(double x, boolean f32) {
        return f32 ? (float) x : x;
    }

    private static Tensor fromValues(DType dtype, double[] values, int... shape) {
        Storage storage = Storage.allocate(dtype, values.length);
        for (int i = 0; i < values.length; i++) storage.set(i, values[i]);
        return TensorInternals.wrap(storage, shape);
    }

    private static Tensor fromValues(DType dtype, double value) {
        return fromValues(dtype, new double[] {value});
    }

    /** The checks of F.nll_loss → nll_loss_nd → nll_loss, in that order. */
    static void checkShapes(Tensor input, Tensor target) {
        if (input.dim() < 1) throw new IllegalArgumentException("Expected 1 or more dimensions (got " + input.dim() + ")");
        if (input.dim() != 1 && (target.dim() == 0 || input.size(0) != target.size(0))) {
            throw new IllegalArgumentException("Expected input batch_size (" + input.size(0)
                    + ") to match target batch_size (" + (target.dim() == 0 ? "" : target.size(0)) + ").");
        }
        if (input.dim() > 2) {
            throw new IllegalArgumentException("nll_loss of a " + input.dim() + "-D input (N, C, d1, ...) is not "
                    + "supported here; reshape it to (N*d1*..., C)");
        }
        if (target.dim() > 1) {
            throw new IllegalArgumentException("0D or 1D target tensor expected, multi-target not supported");
        }
        if (input.dim() == 1 && target.dim() != 0 && input.size(0) != target.size(0)) {
            throw new IllegalArgumentException("size mismatch (got input: " + Shapes.listString(input.shape())
                    + ", target: " + Shapes.listString(target.shape()) + ")");
        }
        if (target.dtype() != DType.INT64) {
            throw new IllegalArgumentException("expected scalar type Long but found " + target.dtype().scalarTypeName());
        }
        if (!input.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("\"nll_loss_out_frame\" not implemented for '"
                    + input.dtype().scalarTypeName() + "'");
        }
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        if (GradMode.isEnabled()) return new Tensor[] {Where.apply(targetMask(), scale(grad), Graph.scalar(0, grad))};
        double[] g = grad.toDoubleArray();
        boolean perRow = reduction == Reduction.NONE && shape.length == 2, f32 = grad.dtype() == DType.FLOAT32;
        Tensor out = TensorInternals.empty(grad.dtype(), shape);
        Storage values = storage(out);
        for (int b = 0; b < hits.length; b++) {
            if (hits[b] < 0) continue;
            double v = g[perRow ? b : 0];
            values.set(hits[b], reduction == Reduction.MEAN ? -round(v / totalWeight, f32) : -v);
        }
        return new Tensor[] {owned(out)};
    }

    /** What each target's position receives, as tensor ops: -grad (over the count), one per row for "none". */
    private Tensor scale(Tensor grad) {
        return switch (reduction) {
            case MEAN -> grad.div(totalWeight).neg();
            case SUM -> grad.neg();
            case NONE -> shape.length == 2 ? grad.neg().unsqueeze(1) : grad.neg();
        };
    }

    private Tensor targetMask() {
        Storage mask = Storage.allocate(DType.BOOL, Shapes.numel(shape));
        for (int hit : hits) if (hit >= 0) mask.set(hit, 1);
        return TensorInternals.wrap(mask, shape);
    }

    @Override
    public List<String> attributes() {
        return List.of("reduction=" + reduction.pythonName(), "total_weight=" + totalWeight);
    }
}

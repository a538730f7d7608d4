package dev.jautograd.nn;

import static dev.jautograd.internal.TensorInternals.sameShape;

import dev.jautograd.Tensor;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.ops.Addmm;
import dev.jautograd.ops.BinaryCrossEntropy;
import dev.jautograd.ops.BinaryCrossEntropyWithLogits;
import dev.jautograd.ops.MseLoss;
import dev.jautograd.ops.NllLoss;
import dev.jautograd.ops.Reduction;
import dev.jautograd.random.Generator;
import dev.jautograd.storage.Storage;

/**
 * {@code torch.nn.functional}: {@code F.cross_entropy(logits, y)} is {@code Functional.crossEntropy(logits, y)};
 * a {@code reduction="sum"} keyword is a trailing string argument.
 */
public final class Functional {
    private Functional() {}

    /** x Wᵀ + b; a 2-D input records AddmmBackward0 as PyTorch's F.linear does. */
    public static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
        if (bias != null && input.dim() == 2) return Addmm.apply(bias, input, weight.t());
        if (bias != null && input.dim() == 3 && input.isContiguous()) {
            // PyTorch 1.13 takes the fused path for contiguous 3-D input too: view to 2-D, addmm, view back.
            int[] size = input.shape();
            Tensor out = Addmm.apply(bias, input.view(size[0] * size[1], size[2]), weight.t());
            return out.view(size[0], size[1], out.size(1));
        }
        Tensor out = input.matmul(weight.t());
        return bias == null ? out : out.add(bias);
    }

    public static Tensor relu(Tensor input) {
        return input.relu();
    }

    public static Tensor tanh(Tensor input) {
        return input.tanh();
    }

    public static Tensor sigmoid(Tensor input) {
        return input.sigmoid();
    }

    public static Tensor softmax(Tensor input, int dim) {
        return input.softmax(dim);
    }

    public static Tensor logSoftmax(Tensor input, int dim) {
        return input.logSoftmax(dim);
    }

    // ---------------------------------------------------------------- dropout and embedding

    /** As {@code F.dropout(input, p=0.5, training=True)}. */
    public static Tensor dropout(Tensor input, double p) {
        return dropout(input, p, true);
    }

    /**
     * ATen's CPU dropout: a noise tensor filled by {@code bernoulli_(1 - p)} and divided by
     * 1 - p, then {@code input * noise} (MulBackward0); the identity when not training or p = 0.
     */
    public static Tensor dropout(Tensor input, double p, boolean training) {
        checkDropoutProbability(p);
        if (p == 0 || !training || input.numel() == 0) return input;
        if (p == 1) return input.mul(TensorInternals.empty(input.dtype()));
        double[] keep = new double[input.numel()];
        Generator.defaultGenerator().bernoulli(keep, 1 - p);
        Storage noise = Storage.allocate(input.dtype(), keep.length);
        for (int i = 0; i < keep.length; i++) noise.set(i, keep[i]);
        return input.mul(TensorInternals.wrap(noise, input.shape()).div(1 - p));
    }

    static void checkDropoutProbability(double p) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + PyRepr.number(p));
        }
    }

    /** As {@code F.embedding(input, weight)}: the rows of weight at the int64 indices. */
    public static Tensor embedding(Tensor input, Tensor weight) {
        return embedding(input, weight, null);
    }

    /** As {@code F.embedding(input, weight, padding_idx)}: the padding row gets no gradient. */
    public static Tensor embedding(Tensor input, Tensor weight, Integer paddingIdx) {
        int padding = paddingIdx == null ? -1 : paddingIdx < 0 ? paddingIdx + weight.size(0) : paddingIdx;
        return dev.jautograd.ops.Embedding.apply(input, weight, padding);
    }

    // ---------------------------------------------------------------- losses

    /** Mean negative log-likelihood of int64 class targets. */
    public static Tensor nllLoss(Tensor logProbabilities, Tensor target) {
        return nllLoss(logProbabilities, target, "mean");
    }

    public static Tensor nllLoss(Tensor logProbabilities, Tensor target, String reduction) {
        return nllLoss(logProbabilities, target, reduction, -100);
    }

    /** As {@code F.nll_loss(input, target, ignore_index=..., reduction=...)}. */
    public static Tensor nllLoss(Tensor logProbabilities, Tensor target, String reduction, long ignoreIndex) {
        return NllLoss.apply(logProbabilities, target, Reduction.of(reduction), ignoreIndex);
    }

    /** {@code F.cross_entropy}: log-softmax over classes, then NLL (so the graph is NllLoss over LogSoftmax). */
    public static Tensor crossEntropy(Tensor logits, Tensor target) {
        return crossEntropy(logits, target, "mean");
    }

    public static Tensor crossEntropy(Tensor logits, Tensor target, String reduction) {
        return crossEntropy(logits, target, reduction, -100);
    }

    public static Tensor crossEntropy(Tensor logits, Tensor target, String reduction, long ignoreIndex) {
        Reduction r = Reduction.of(reduction);
        return NllLoss.apply(logits.logSoftmax(logits.dim() == 1 ? 0 : 1), target, r, ignoreIndex);
    }

    /** Mean squared error. */
    public static Tensor mseLoss(Tensor input, Tensor target) {
        return mseLoss(input, target, "mean");
    }

    /** As {@code F.mse_loss}: different shapes warn, as PyTorch does, and broadcast. */
    public static Tensor mseLoss(Tensor input, Tensor target, String reduction) {
        Reduction r = Reduction.of(reduction);
        Tensor[] both = broadcastWithWarning(input, target);
        return MseLoss.apply(both[0], both[1], r);
    }

    /** As {@code F.l1_loss}: composed, |input - target| then the reduction, so its grad_fn is Mean/Sum/AbsBackward0. */
    public static Tensor l1Loss(Tensor input, Tensor target) {
        return l1Loss(input, target, "mean");
    }

    public static Tensor l1Loss(Tensor input, Tensor target, String reduction) {
        Reduction r = Reduction.of(reduction);
        Tensor[] both = broadcastWithWarning(input, target);
        Tensor loss = both[0].sub(both[1]).abs();
        return r == Reduction.MEAN ? loss.mean() : r == Reduction.SUM ? loss.sum() : loss;
    }

    /** As {@code F.binary_cross_entropy(input, target)}: input and target probabilities of the same shape. */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target) {
        return binaryCrossEntropy(input, target, "mean");
    }

    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, String reduction) {
        return BinaryCrossEntropy.apply(input, target, Reduction.of(reduction));
    }

    /** As {@code F.binary_cross_entropy_with_logits(input, target)}. */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target) {
        return binaryCrossEntropyWithLogits(input, target, "mean");
    }

    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, String reduction) {
        return BinaryCrossEntropyWithLogits.apply(input, target, Reduction.of(reduction));
    }

    private static Tensor[] broadcastWithWarning(Tensor input, Tensor target) {
        if (sameShape(input, target)) return new Tensor[] {input, target};
        System.err.println("UserWarning: Using a target size (torch.Size(" + list(target) + ")) that is different to "
                + "the input size (torch.Size(" + list(input) + ")). This will likely lead to incorrect results due "
                + "to broadcasting. Please ensure they have the same size.");
        int[] shape = dev.jautograd.Shapes.broadcast(input.shape(), target.shape());
        return new Tensor[] {expandTo(input, shape), expandTo(target, shape)};
    }

    private static Tensor expandTo(Tensor t, int[] shape) {
        return java.util.Arrays.equals(t.shape(), shape) ? t : t.expand(shape);
    }

    private static String list(Tensor t) {
        return dev.jautograd.Shapes.listString(t.shape());
    }
}

package dev.jautograd.nn;

import dev.jautograd.Tensor;
import dev.jautograd.ops.Addmm;
import dev.jautograd.ops.MseLoss;
import dev.jautograd.ops.NllLoss;

/** {@code torch.nn.functional}: {@code F.cross_entropy(logits, y)} is {@code Functional.crossEntropy(logits, y)}. */
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

    public static Tensor sigmoid(Tensor input) {
        return input.sigmoid();
    }

    public static Tensor softmax(Tensor input, int dim) {
        return input.softmax(dim);
    }

    public static Tensor logSoftmax(Tensor input, int dim) {
        return input.logSoftmax(dim);
    }

    /** Mean negative log-likelihood of int64 class targets. */
    public static Tensor nllLoss(Tensor logProbabilities, Tensor target) {
        return NllLoss.apply(logProbabilities, target);
    }

    /** {@code F.cross_entropy}: log-softmax over classes, then NLL (so the graph is NllLoss over LogSoftmax). */
    public static Tensor crossEntropy(Tensor logits, Tensor target) {
        return nllLoss(logits.logSoftmax(1), target);
    }

    /** Mean squared error. */
    public static Tensor mseLoss(Tensor input, Tensor target) {
        return MseLoss.apply(input, target);
    }
}

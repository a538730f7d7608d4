package dev.jautograd;

import dev.jautograd.autograd.InferenceMode;
import dev.jautograd.ops.Cat;
import dev.jautograd.ops.Graph;
import dev.jautograd.ops.Where;
import dev.jautograd.storage.LongStorage;
import java.util.List;

/**
 * The {@code torch.*} functional forms of the tensor methods ({@code torch.sum(x, 1)} is
 * {@code Torch.sum(x, 1)}), joining ({@code cat}, {@code stack}), {@code one_hot} and inference
 * mode. {@link Torch} extends this class, so each is called as {@code Torch.name(...)} (or, with
 * {@code import static dev.jautograd.Torch.*}, by its name alone).
 */
abstract class TorchFunctional {
    TorchFunctional() {}

    // ---------------------------------------------------------------- joining and splitting

    /** {@code torch.cat([a, b], dim)}. */
    public static Tensor cat(List<Tensor> tensors, int dim) { return Cat.cat(tensors, dim); }

    public static Tensor cat(List<Tensor> tensors) { return Cat.cat(tensors, 0); }

    /** {@code torch.stack([a, b], dim)}: along a new dim. */
    public static Tensor stack(List<Tensor> tensors, int dim) { return Cat.stack(tensors, dim); }

    public static Tensor stack(List<Tensor> tensors) { return Cat.stack(tensors, 0); }

    public static List<Tensor> chunk(Tensor t, int chunks, int dim) { return t.chunk(chunks, dim); }

    public static List<Tensor> split(Tensor t, int size, int dim) { return t.split(size, dim); }

    // ---------------------------------------------------------------- indexing

    public static Tensor select(Tensor t, int dim, int index) { return t.select(dim, index); }

    public static Tensor narrow(Tensor t, int dim, int start, int length) { return t.narrow(dim, start, length); }

    public static Tensor indexSelect(Tensor t, int dim, Tensor index) { return t.indexSelect(dim, index); }

    public static Tensor gather(Tensor t, int dim, Tensor index) { return t.gather(dim, index); }

    public static Tensor maskedSelect(Tensor t, Tensor mask) { return t.maskedSelect(mask); }

    public static Tensor maskedFill(Tensor t, Tensor mask, double value) { return t.maskedFill(mask, value); }

    /** {@code torch.where(cond, a, 0.)}: a number on either side. */
    public static Tensor where(Tensor condition, Tensor a, double b) {
        return Where.apply(condition, a, Graph.scalar(b, a));
    }

    public static Tensor where(Tensor condition, double a, Tensor b) {
        return Where.apply(condition, Graph.scalar(a, b), b);
    }

    /**
     * {@code F.one_hot(t, num_classes)} (int64); {@code numClasses = -1} takes max + 1, as PyTorch.
     */
    public static Tensor oneHot(Tensor t, int numClasses) {
        if (t.dtype() != DType.INT64) {
            throw new IllegalArgumentException("one_hot is only applicable to index tensor.");
        }
        long[] classes = t.toLongArray();
        long max = -1;
        for (long c : classes) {
            if (c < 0) throw new IllegalArgumentException("Class values must be non-negative.");
            max = Math.max(max, c);
        }
        if (numClasses == -1) {
            if (classes.length == 0) {
                throw new IllegalArgumentException("Can not infer total number of classes from empty tensor.");
            }
            numClasses = (int) max + 1;
        } else if (max >= numClasses) {
            throw new IllegalArgumentException("Class values must be smaller than num_classes.");
        }
        long[] out = new long[classes.length * numClasses];
        for (int i = 0; i < classes.length; i++) out[i * numClasses + (int) classes[i]] = 1;
        int[] shape = java.util.Arrays.copyOf(t.shape(), t.dim() + 1);
        shape[t.dim()] = numClasses;
        return Tensor.wrap(new LongStorage(out), shape);
    }

    public static Tensor oneHot(Tensor t) { return oneHot(t, -1); }

    // ---------------------------------------------------------------- reductions

    public static Tensor sum(Tensor t, int dim) { return t.sum(dim); }

    public static Tensor sum(Tensor t, int dim, boolean keepdim) { return t.sum(dim, keepdim); }

    public static Tensor sum(Tensor t, int[] dims, boolean keepdim) { return t.sum(dims, keepdim); }

    public static Tensor mean(Tensor t, int dim) { return t.mean(dim); }

    public static Tensor mean(Tensor t, int dim, boolean keepdim) { return t.mean(dim, keepdim); }

    public static Tensor max(Tensor t) { return t.max(); }

    public static ValuesIndices max(Tensor t, int dim) { return t.max(dim); }

    public static ValuesIndices max(Tensor t, int dim, boolean keepdim) { return t.max(dim, keepdim); }

    public static Tensor min(Tensor t) { return t.min(); }

    public static ValuesIndices min(Tensor t, int dim) { return t.min(dim); }

    public static ValuesIndices min(Tensor t, int dim, boolean keepdim) { return t.min(dim, keepdim); }

    public static Tensor argmax(Tensor t) { return t.argmax(); }

    public static Tensor argmax(Tensor t, int dim) { return t.argmax(dim); }

    public static Tensor argmin(Tensor t) { return t.argmin(); }

    public static Tensor argmin(Tensor t, int dim) { return t.argmin(dim); }

    public static Tensor prod(Tensor t) { return t.prod(); }

    public static Tensor prod(Tensor t, int dim) { return t.prod(dim); }

    public static Tensor norm(Tensor t) { return t.norm(); }

    public static Tensor norm(Tensor t, double p) { return t.norm(p); }

    public static Tensor std(Tensor t) { return t.std(); }

    public static Tensor std(Tensor t, int dim) { return t.std(dim); }

    public static Tensor var(Tensor t) { return t.var(); }

    public static Tensor var(Tensor t, int dim) { return t.var(dim); }

    public static Tensor logsumexp(Tensor t, int dim) { return t.logsumexp(dim); }

    public static Tensor logsumexp(Tensor t, int dim, boolean keepdim) { return t.logsumexp(dim, keepdim); }

    public static Tensor softmax(Tensor t, int dim) { return t.softmax(dim); }

    public static Tensor logSoftmax(Tensor t, int dim) { return t.logSoftmax(dim); }

    // ---------------------------------------------------------------- more pointwise and shape forms

    public static Tensor neg(Tensor t) { return t.neg(); }

    public static Tensor sign(Tensor t) { return t.sign(); }

    public static Tensor reciprocal(Tensor t) { return t.reciprocal(); }

    public static Tensor flatten(Tensor t) { return t.flatten(); }

    public static Tensor permute(Tensor t, int... dims) { return t.permute(dims); }

    public static Tensor squeeze(Tensor t, int dim) { return t.squeeze(dim); }

    // ---------------------------------------------------------------- modes

    /**
     * {@code with torch.inference_mode():} is {@code try (var scope = Torch.inferenceMode()) { ... }}:
     * no graph is recorded and tensors made inside are inference tensors.
     */
    public static InferenceMode.Scope inferenceMode() { return InferenceMode.enter(true); }

    public static InferenceMode.Scope inferenceMode(boolean enabled) { return InferenceMode.enter(enabled); }

    public static boolean isInferenceModeEnabled() { return InferenceMode.isEnabled(); }
}

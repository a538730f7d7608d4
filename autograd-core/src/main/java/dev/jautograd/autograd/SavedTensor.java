package dev.jautograd.autograd;

import dev.jautograd.Shapes;
import dev.jautograd.Tensor;

/**
 * A tensor a node keeps for its backward formula. It remembers the storage version at save time,
 * so a later in-place write is caught (PyTorch's saved-variable version check), and it can be
 * freed after backward so memory is released unless the graph is retained.
 */
public final class SavedTensor {
    private Tensor tensor;
    private final int savedVersion;
    /** For a node's own output: that node, since the output's grad_fn may later be rebased in place. */
    private final Node producer;

    SavedTensor(Tensor tensor, Node producer) {
        if (tensor.isInference()) {
            throw new IllegalStateException("Inference tensors cannot be saved for backward. To work around you can "
                    + "make a clone to get a normal tensor and use it in autograd.");
        }
        this.tensor = tensor;
        this.savedVersion = tensor.version();
        this.producer = producer;
    }

    /** The saved value; fails as PyTorch does if it was freed or modified in place since. */
    public Tensor get() {
        if (tensor == null) throw new IllegalStateException(FREED_MESSAGE);
        if (tensor.version() != savedVersion) throw new IllegalStateException(modifiedMessage());
        return tensor;
    }

    /** The saved value without checks, for inspection (graph drawing), or null once freed. */
    public Tensor peek() {
        return tensor;
    }

    void release() {
        tensor = null;
    }

    private String modifiedMessage() {
        Node madeBy = producer != null ? producer : tensor.gradFn();
        String origin = madeBy == null ? "" : ", which is output 0 of " + madeBy.name() + ",";
        return "one of the variables needed for gradient computation has been modified by an inplace operation: ["
                + tensor.typeName() + " " + Shapes.listString(tensor.shape()) + "]" + origin + " is at version "
                + tensor.version() + "; expected version " + savedVersion + " instead. Hint: enable anomaly detection "
                + "to find the operation that failed to compute its gradient, with "
                + "torch.autograd.set_detect_anomaly(True).";
    }

    static final String FREED_MESSAGE = "Trying to backward through the graph a second time (or directly access "
            + "saved tensors after they have already been freed). Saved intermediate values of the graph are freed "
            + "when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward "
            + "through the graph a second time or if you need to access saved tensors after calling backward."
            + JavaHints.RETAIN_GRAPH;
}

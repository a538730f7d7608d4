package dev.jautograd.ops;

import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import dev.jautograd.autograd.Node;

/**
 * The nodes of in-place writes that discard the old values: {@code zero_} (ZeroBackward0),
 * {@code fill_} with a number (FillBackward2) and {@code copy_} (CopyBackwards). The old values
 * get a zero gradient; copy_'s source gets the gradient (the engine sums it back to the source's
 * shape and casts it to its dtype). Each is made before the write, while {@code self} still has
 * its old history, and the caller then sets it as {@code self}'s grad_fn.
 */
public final class Overwrite extends Node {
    private Overwrite(String name, Tensor... inputs) {
        super(name, inputs);
    }

    /** The node for {@code zero_()} or {@code fill_(value)}, or null when nothing records. */
    public static Node fill(Tensor self, boolean zero) {
        return Graph.records(self) ? new Overwrite(zero ? "ZeroBackward0" : "FillBackward2", self) : null;
    }

    /** The node for {@code self.copy_(src)}, or null when nothing records. */
    public static Node copy(Tensor self, Tensor src) {
        return Graph.records(self, src) ? new Overwrite("CopyBackwards", self, src) : null;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        Tensor zeros = needsInputGrad(0) ? Torch.zerosLike(grad) : null;
        return nextFunctions().size() == 1 ? new Tensor[] {zeros} : new Tensor[] {zeros, grad};
    }
}

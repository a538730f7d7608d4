package dev.jautograd.autograd;

import static dev.jautograd.internal.TensorInternals.storage;

import dev.jautograd.Tensor;

/**
 * The gradients one backward pass may pass on without a copy: buffers that nothing outside the
 * engine references. PyTorch knows this from reference counts (AccumulateGrad steals a gradient
 * whose {@code use_count} says nobody else holds it); Java cannot count references, so a buffer
 * is owned only when its maker says so: the engine for what it allocates itself (the implicit
 * seed, a sum of two arrivals, a gradient summed back to its input's shape or cast to its dtype),
 * a node for what it returned through {@link Node#owned}. Ownership is lost the moment anyone
 * else could see the buffer: a hook, a capture for {@code autograd.grad}, an observer, or the
 * same buffer sent to two inputs. With {@code create_graph} nothing is owned: gradients are then
 * part of a graph that later nodes may save.
 */
final class Handoff {
    private Handoff() {}

    /** Whether {@code sum} of two arrivals is a buffer of its own (so the engine's alone), not a view of either. */
    static boolean isNew(Tensor sum, Tensor a, Tensor b) {
        return storage(sum) != storage(a) && storage(sum) != storage(b);
    }

    /**
     * Whether {@code node}'s just-returned {@code out[i]} was handed over by the node and is not
     * also sent to another of its inputs (a shared storage would alias two leaves' gradients).
     */
    static boolean handedOver(Node node, Tensor[] out, int i) {
        if (out[i] == null || !node.handedOver(out[i])) return false;
        for (int j = 0; j < out.length; j++) {
            if (j != i && out[j] != null && storage(out[j]) == storage(out[i])) return false;
        }
        return true;
    }

    /**
     * Whether {@code after}, what the engine made of {@code before} (summed to shape, cast), is
     * owned: itself if unchanged; else a new buffer unless it is a view of an unowned one.
     */
    static boolean conformed(Tensor before, boolean wasOwned, Tensor after) {
        return after == before ? wasOwned : wasOwned || storage(after) != storage(before);
    }
}

package dev.jautograd.ops;

import static dev.jautograd.internal.TensorInternals.storage;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.loops.Copy;
import dev.jautograd.storage.Storage;

/**
 * Reading elements by position: {@code out[i] = input.flat[positions[i]]}. Every indexing op
 * that copies is this with its own name and positions: index_select (IndexSelectBackward0),
 * gather (GatherBackward0), indexing by an int64 tensor or a bool mask (IndexBackward0),
 * masked_select (MaskedSelectBackward0), max/min along a dim (MaxBackward0, MinBackward0). The
 * gradient adds each output's gradient back at its position (IndexAddBackward0 as a node), and
 * that scatter's gradient is this gather again.
 */
public final class Take extends Node {
    private final int[] positions;
    private final int[] inputShape;
    private final boolean scatter;

    private Take(String name, Tensor input, int[] positions, int[] inputShape, boolean scatter) {
        super(name, input);
        this.positions = positions;
        this.inputShape = inputShape;
        this.scatter = scatter;
    }

    /** The elements at {@code positions} (row-major positions in {@code input}), shaped {@code shape}. */
    public static Tensor apply(String name, Tensor input, int[] positions, int[] shape) {
        Tensor src = input.contiguous().detach();
        Tensor out = TensorInternals.empty(input.dtype(), shape);
        Storage from = storage(src), to = storage(out);
        int base = src.storageOffset();
        boolean integral = !input.dtype().isFloatingPoint();
        for (int i = 0; i < positions.length; i++) {
            if (integral) to.setLong(i, from.getLong(base + positions[i]));
            else to.set(i, from.get(base + positions[i]));
        }
        return Graph.records(input) ? Graph.attach(out, new Take(name, input, positions, input.shape(), false)) : out;
    }

    /** Zeros of {@code shape} with each element of {@code values} added at its position. */
    static Tensor scatterAdd(Tensor values, int[] positions, int[] shape) {
        Tensor out = TensorInternals.empty(values.dtype(), shape);
        Storage to = storage(out);
        double[] v = Copy.toDoubles(values);
        for (int i = 0; i < positions.length; i++) to.set(positions[i], to.get(positions[i]) + v[i]);
        return Graph.records(values)
                ? Graph.attach(out, new Take("IndexAddBackward0", values, positions, values.shape(), true)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        return new Tensor[] {scatter ? apply("IndexBackward0", grad, positions, inputShape)
                : scatterAdd(grad, positions, inputShape)};
    }
}

package dev.jautograd.nn;

import dev.jautograd.Shapes;
import dev.jautograd.Tensor;

/** {@code nn.Flatten(start_dim=1, end_dim=-1)}: dims start..end merged into one (a reshape). */
public final class Flatten extends Module {
    private final int startDim;
    private final int endDim;

    public Flatten() {
        this(1, -1);
    }

    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    @Override
    public Tensor forward(Tensor input) {
        int rank = input.dim();
        if (rank == 0) return input.reshape(1);
        int start = Shapes.wrapDim(startDim, rank), end = Shapes.wrapDim(endDim, rank);
        if (start > end) throw new IllegalArgumentException("flatten() has invalid args: start_dim cannot come after end_dim");
        if (start == end) return input;
        int[] shape = input.shape(), out = new int[rank - (end - start)];
        int merged = 1;
        for (int d = start; d <= end; d++) merged *= shape[d];
        for (int d = 0, o = 0; d < rank; d++) {
            if (d < start || d > end) out[o++] = shape[d];
            else if (d == start) out[o++] = merged;
        }
        return input.reshape(out);
    }

    @Override
    public String extraRepr() {
        return "start_dim=" + startDim + ", end_dim=" + endDim;
    }
}

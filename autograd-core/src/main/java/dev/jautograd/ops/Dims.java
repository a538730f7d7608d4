package dev.jautograd.ops;

import dev.jautograd.Shapes;
import dev.jautograd.Tensor;
import java.util.ArrayList;
import java.util.List;

/** Which dims a reduction removes, and how to put them back for the gradient. */
record Dims(boolean[] reduced, boolean keepdim, int[] requested) {

    static Dims all(int rank) {
        boolean[] reduced = new boolean[rank];
        java.util.Arrays.fill(reduced, true);
        return new Dims(reduced, false, null);
    }

    /** An empty list reduces every dim, as {@code sum(dim=[])} does in PyTorch 1.13. */
    static Dims of(int[] dims, int rank, boolean keepdim) {
        if (dims.length == 0) return new Dims(all(rank).reduced(), keepdim, dims.clone());
        boolean[] reduced = new boolean[rank];
        for (int d : dims) {
            int wrapped = Shapes.wrapDim(d, rank);
            if (rank > 0 && reduced[wrapped]) {
                throw new IllegalArgumentException("dim " + wrapped + " appears multiple times in the list of dims");
            }
            if (rank > 0) reduced[wrapped] = true;
        }
        return new Dims(reduced, keepdim, dims.clone());
    }

    int count(int[] shape) {
        int n = 1;
        for (int d = 0; d < shape.length; d++) if (reduced[d]) n *= shape[d];
        return n;
    }

    /** The gradient with reduced dims reinserted as size 1, ready to expand to the input's shape. */
    Tensor restore(Tensor grad) {
        if (keepdim) return grad;
        for (int d = 0; d < reduced.length; d++) if (reduced[d]) grad = grad.unsqueeze(d);
        return grad;
    }

    List<String> describe() {
        var out = new ArrayList<String>();
        if (requested != null) out.add("dim=" + Shapes.listString(requested));
        if (keepdim) out.add("keepdim=True");
        return out;
    }
}

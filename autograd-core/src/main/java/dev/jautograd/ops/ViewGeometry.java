package dev.jautograd.ops;

import dev.jautograd.Shapes;

/** Shape and stride arithmetic for views: inferring -1, and PyTorch's computeStride. */
final class ViewGeometry {
    private ViewGeometry() {}

    /** Replaces a single -1 by the size that keeps {@code numel}, with PyTorch's messages. */
    static int[] inferSize(int[] requested, int numel) {
        int[] shape = requested.clone();
        int inferred = -1;
        long known = 1;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] == -1) {
                if (inferred >= 0) throw new IllegalArgumentException("only one dimension can be inferred");
                inferred = d;
            } else if (shape[d] < 0) {
                throw new IllegalArgumentException("invalid shape dimension " + shape[d]);
            } else {
                known *= shape[d];
            }
        }
        boolean fits = inferred >= 0 ? known > 0 && numel % known == 0 : known == numel;
        if (!fits) {
            throw new IllegalArgumentException("shape '" + Shapes.listString(requested) + "' is invalid for input of size "
                    + numel);
        }
        if (inferred >= 0) shape[inferred] = (int) (numel / known);
        return shape;
    }

    /**
     * Strides that let {@code newShape} view memory laid out as {@code oldShape}/{@code oldStrides},
     * or null when it would need a copy. Groups of old dims that are contiguous with each other
     * can be re-split freely; a new dim may not straddle two such groups (PyTorch's computeStride).
     */
    static int[] strides(int[] oldShape, int[] oldStrides, int[] newShape) {
        int[] newStrides = new int[newShape.length];
        // No elements, or a 0-dim tensor's one element: any layout views it.
        if (Shapes.numel(oldShape) == 0 || oldShape.length == 0) return Shapes.contiguousStrides(newShape);
        int viewD = newShape.length - 1;
        long chunkBaseStride = oldStrides.length > 0 ? oldStrides[oldStrides.length - 1] : 1;
        long tensorNumel = 1, viewNumel = 1;
        for (int d = oldShape.length - 1; d >= 0; d--) {
            tensorNumel *= oldShape[d];
            boolean chunkEnds = d == 0 || (oldShape[d - 1] != 1 && oldStrides[d - 1] != tensorNumel * chunkBaseStride);
            if (chunkEnds) {
                while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] == 1)) {
                    newStrides[viewD] = (int) (viewNumel * chunkBaseStride);
                    viewNumel *= newShape[viewD];
                    viewD--;
                }
                if (viewNumel != tensorNumel) return null;
                if (d > 0) {
                    chunkBaseStride = oldStrides[d - 1];
                    tensorNumel = 1;
                    viewNumel = 1;
                }
            }
        }
        return viewD == -1 ? newStrides : null;
    }
}

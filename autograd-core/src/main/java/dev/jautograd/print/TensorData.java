package dev.jautograd.print;

import dev.jautograd.DType;

/**
 * What the printer needs to know about a tensor: its shape, dtype and elements in row-major order.
 * Elements go in {@code floats} for FLOAT32/FLOAT64 (float32 widened to double, which is exact) and in
 * {@code longs} for INT64 and BOOL (0 or 1); the other array is null.
 */
public record TensorData(int[] shape, DType dtype, double[] floats, long[] longs) {

    public TensorData {
        if (shape == null || dtype == null) {
            throw new IllegalArgumentException("shape and dtype must not be null");
        }
        var elements = dtype.isFloatingPoint() ? floats : longs;
        var unused = dtype.isFloatingPoint() ? longs : floats;
        if (elements == null || unused != null) {
            throw new IllegalArgumentException("a " + dtype + " tensor needs "
                    + (dtype.isFloatingPoint() ? "floats" : "longs") + " and nothing in the other array");
        }
        long numel = numel(shape);
        long length = dtype.isFloatingPoint() ? floats.length : longs.length;
        if (numel != length) {
            throw new IllegalArgumentException("shape " + PythonText.tuple(shape) + " holds " + numel
                    + " elements but " + length + " were given");
        }
    }

    /** The number of elements; a 0-dim tensor (empty shape) holds one. */
    public int numel() {
        return (int) numel(shape);
    }

    private static long numel(int[] shape) {
        long n = 1;
        for (int size : shape) {
            if (size < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + PythonText.tuple(shape));
            }
            n *= size;
        }
        return n;
    }
}

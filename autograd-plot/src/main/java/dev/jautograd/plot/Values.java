package dev.jautograd.plot;

import dev.jautograd.Tensor;
import java.util.List;

/** What a plot accepts as numbers: a {@link Tensor}, a Java array or a list of numbers. */
final class Values {
    private Values() {
    }

    /** The numbers of a 1-D value (a tensor of any shape is read in row-major order). */
    static double[] of(Object data) {
        if (data instanceof Tensor t) {
            return t.detach().toDoubleArray();
        }
        if (data instanceof double[] d) {
            return d.clone();
        }
        if (data instanceof float[] f) {
            var d = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                d[i] = f[i];
            }
            return d;
        }
        if (data instanceof int[] a) {
            return java.util.Arrays.stream(a).asDoubleStream().toArray();
        }
        if (data instanceof long[] a) {
            return java.util.Arrays.stream(a).asDoubleStream().toArray();
        }
        if (data instanceof List<?> list) {
            return list.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
        }
        throw new IllegalArgumentException("a plot takes a Tensor, a double[], float[], int[], long[] or a List of numbers, not "
                + (data == null ? "null" : data.getClass().getSimpleName()));
    }

    /** Rows of a 2-D value: a 2-D tensor or a double[][]. */
    static double[][] matrix(Object data) {
        if (data instanceof double[][] m) {
            return m;
        }
        if (data instanceof Tensor t) {
            if (t.dim() != 2) {
                throw new IllegalArgumentException("expected a 2-D tensor, got shape " + java.util.Arrays.toString(t.shape()));
            }
            double[] flat = t.detach().toDoubleArray();
            int rows = t.size(0);
            int cols = t.size(1);
            var m = new double[rows][cols];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(flat, r * cols, m[r], 0, cols);
            }
            return m;
        }
        throw new IllegalArgumentException("expected a 2-D Tensor or a double[][], not "
                + (data == null ? "null" : data.getClass().getSimpleName()));
    }

    /** The indices 0..n-1, the x of a series given only its y. */
    static double[] steps(int n) {
        var x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }

    static void sameLength(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must have the same length, got " + x.length + " and " + y.length);
        }
    }
}

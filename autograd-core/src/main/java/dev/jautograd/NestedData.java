package dev.jautograd;

/** Flattening nested Java arrays (Python's nested lists) row-major, checking they are rectangular. */
final class NestedData {
    private NestedData() {}

    static int[] shape(double[][] data) {
        int cols = data.length == 0 ? 0 : data[0].length;
        for (double[] row : data) requireLength(row.length, cols, 1);
        return new int[] {data.length, cols};
    }

    static int[] shape(double[][][] data) {
        int[] inner = data.length == 0 ? new int[] {0, 0} : shape(data[0]);
        for (double[][] plane : data) {
            int[] s = shape(plane);
            requireLength(s[0], inner[0], 1);
            requireLength(s[1], inner[1], 2);
        }
        return new int[] {data.length, inner[0], inner[1]};
    }

    static int[] shape(long[][] data) {
        int cols = data.length == 0 ? 0 : data[0].length;
        for (long[] row : data) requireLength(row.length, cols, 1);
        return new int[] {data.length, cols};
    }

    static double[] flatten(double[][] data) {
        int[] s = shape(data);
        double[] out = new double[s[0] * s[1]];
        for (int i = 0; i < s[0]; i++) System.arraycopy(data[i], 0, out, i * s[1], s[1]);
        return out;
    }

    static double[] flatten(double[][][] data) {
        int[] s = shape(data);
        double[] out = new double[s[0] * s[1] * s[2]];
        for (int i = 0; i < s[0]; i++) System.arraycopy(flatten(data[i]), 0, out, i * s[1] * s[2], s[1] * s[2]);
        return out;
    }

    static long[] flatten(long[][] data) {
        int[] s = shape(data);
        long[] out = new long[s[0] * s[1]];
        for (int i = 0; i < s[0]; i++) System.arraycopy(data[i], 0, out, i * s[1], s[1]);
        return out;
    }

    private static void requireLength(int actual, int expected, int dim) {
        if (actual != expected) {
            throw new IllegalArgumentException("expected sequence of length " + expected + " at dim " + dim + " (got "
                    + actual + ")");
        }
    }
}

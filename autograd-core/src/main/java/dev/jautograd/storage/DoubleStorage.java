package dev.jautograd.storage;

import dev.jautograd.DType;

/** Storage for float64 elements. */
public final class DoubleStorage extends Storage {
    private final double[] data;

    public DoubleStorage(double[] data) {
        this.data = data;
    }

    /** The backing array itself, for the loops' fast paths; writers must bump the version. */
    public double[] array() {
        return data;
    }

    @Override public DType dtype() { return DType.FLOAT64; }

    @Override public int size() { return data.length; }

    @Override public double get(int index) { return data[index]; }

    @Override public void set(int index, double value) { data[index] = (double) value; }
}

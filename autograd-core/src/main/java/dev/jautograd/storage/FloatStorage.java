package dev.jautograd.storage;

import dev.jautograd.DType;

/** Storage for float32 elements. */
public final class FloatStorage extends Storage {
    private final float[] data;

    public FloatStorage(float[] data) {
        this.data = data;
    }

    /** The backing array itself, for the loops' fast paths; writers must bump the version. */
    public float[] array() {
        return data;
    }

    @Override public DType dtype() { return DType.FLOAT32; }

    @Override public int size() { return data.length; }

    @Override public double get(int index) { return data[index]; }

    @Override public void set(int index, double value) { data[index] = (float) value; }
}

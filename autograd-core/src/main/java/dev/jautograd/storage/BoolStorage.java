package dev.jautograd.storage;

import dev.jautograd.DType;

/** Storage for bool elements, read as 0 and 1. */
public final class BoolStorage extends Storage {
    private final boolean[] data;

    public BoolStorage(boolean[] data) {
        this.data = data;
    }

    public boolean[] array() {
        return data;
    }

    @Override public DType dtype() { return DType.BOOL; }

    @Override public int size() { return data.length; }

    @Override public double get(int index) { return data[index] ? 1 : 0; }

    // Any non-zero value is true, as in PyTorch's cast to bool (NaN included).
    @Override public void set(int index, double value) { data[index] = value != 0; }
}

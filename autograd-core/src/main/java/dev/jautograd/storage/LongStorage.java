package dev.jautograd.storage;

import dev.jautograd.DType;

/** Storage for int64 elements. */
public final class LongStorage extends Storage {
    private final long[] data;

    public LongStorage(long[] data) {
        this.data = data;
    }

    public long[] array() {
        return data;
    }

    @Override public DType dtype() { return DType.INT64; }

    @Override public int size() { return data.length; }

    @Override public double get(int index) { return data[index]; }

    // Double-to-long conversion truncates toward zero, as PyTorch's float-to-int cast does.
    @Override public void set(int index, double value) { data[index] = (long) value; }

    @Override public long getLong(int index) { return data[index]; }

    @Override public void setLong(int index, long value) { data[index] = value; }
}

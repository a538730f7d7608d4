package dev.jautograd.storage;

import dev.jautograd.DType;

/**
 * A flat primitive array holding a tensor's elements, shared by the tensor and its views.
 * Generic code reads and writes through {@link #get}/{@link #set} as doubles (exact for every
 * float32, float64, bool and int64 up to 2^53); fast paths take the typed array directly.
 * The version counter (PyTorch's {@code _version}) lives on the tensor, not here: {@code .data}
 * shares the storage but not the counter.
 */
public abstract sealed class Storage permits FloatStorage, DoubleStorage, LongStorage, BoolStorage {
    /** Set for the storage of a tensor made in inference mode: its views are inference tensors too. */
    private boolean inference;

    public static Storage allocate(DType dtype, int size) {
        return switch (dtype) {
            case FLOAT32 -> new FloatStorage(new float[size]);
            case FLOAT64 -> new DoubleStorage(new double[size]);
            case INT64 -> new LongStorage(new long[size]);
            case BOOL -> new BoolStorage(new boolean[size]);
        };
    }

    public abstract DType dtype();

    public abstract int size();

    public abstract double get(int index);

    public abstract void set(int index, double value);

    /** Integer read; exact for int64 values beyond 2^53, where {@link #get} would round. */
    public long getLong(int index) {
        return (long) get(index);
    }

    public void setLong(int index, long value) {
        set(index, value);
    }

    /** Marks the storage of a tensor made in inference mode (internal). */
    public final void markInference() {
        inference = true;
    }

    /** Whether a tensor made in inference mode owns this storage (PyTorch: it has no version counter). */
    public final boolean isInference() {
        return inference;
    }
}

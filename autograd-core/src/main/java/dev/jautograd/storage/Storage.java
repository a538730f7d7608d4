package dev.jautograd.storage;

import dev.jautograd.DType;

/**
 * A flat primitive array holding a tensor's elements, shared by the tensor and its views.
 * Generic code reads and writes through {@link #get}/{@link #set} as doubles (exact for every
 * float32, float64, bool and int64 up to 2^53); fast paths take the typed array directly.
 * The version counter is what PyTorch calls {@code _version}: every in-place write bumps it, so
 * autograd can tell when a tensor saved for backward has since been modified.
 */
public abstract sealed class Storage permits FloatStorage, DoubleStorage, LongStorage, BoolStorage {
    private int version;
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

    public final int version() {
        return version;
    }

    public final void bumpVersion() {
        // An inference tensor has no version counter (PyTorch): the write is done, then refused.
        if (inference && !dev.jautograd.autograd.InferenceMode.isEnabled()) {
            throw new IllegalStateException("Inplace update to inference tensor outside InferenceMode is not allowed."
                    + "You can make a clone to get a normal tensor before doing inplace update."
                    + "See https://github.com/pytorch/rfcs/pull/17 for more details.");
        }
        version++;
    }

    /** Marks the storage of a tensor made in inference mode (internal). */
    public final void markInference() {
        inference = true;
    }
}

package dev.jautograd.loops;

/**
 * Whether one SIMD kernel has become faster than its scalar twin in this JVM. The Vector API is
 * fast only once C2 has compiled the kernel; before that every vector operation runs the API's
 * Java fallback (boxing, allocating), 10-100× slower than the scalar loop, so a notebook cell's
 * first softmax or exp (a fresh JVM, run once) would pay seconds for SIMD it never profits from.
 *
 * <p>So while the gate is cold the work runs scalar in chunks, timed, and now and then a small
 * vector trial, timed too, within a budget (trials take at most {@code 1/BUDGET} of the scalar
 * time at first, then several times it). The trials keep the kernel's invocation and back-edge
 * counts growing, so C2 compiles it in the end; once a trial's time per element beats the
 * scalar chunks' best by {@code MARGIN}, the gate turns hot for good and everything goes vector
 * in one call. Both paths give the same bits (FastPathEquivalenceTest), and a chunk is always
 * whole units of work (a softmax row is done by one path), so mixing them is invisible.
 *
 * <p>Thread-safe: threads of one {@link Parallel} split share a gate; the statistics are racy
 * but every write is a whole volatile value, so a lost update only delays the switch.
 */
final class HotPath {
    /** Units of work: indices [from, to) on the vector path or on the scalar one. */
    interface Work {
        void run(int from, int to, boolean vector);
    }

    /**
     * A vector trial on the first {@code elements} elements of one long unit, its result thrown
     * away: how a unit too long to be cut into trials (a sum's single row of 10⁷ floats) still
     * warms and times its vector kernel while it runs scalar.
     */
    interface Trial {
        void run(int elements);
    }

    /** Whether the vector path may be tried yet ({@link Vectorized#apiReady}, or true in tests). */
    interface Readiness {
        boolean ready();
    }

    /** System.nanoTime, or a fake one in tests. */
    interface Clock {
        long nanoTime();
    }

    /** Elements per timed scalar chunk: long enough that two nanoTime calls cost under 1 %. */
    static final int CHUNK_ELEMENTS = 2048;
    /** The smallest vector trial: eight vectors (smaller ones cost as much per call, measured). */
    static final int MIN_TRIAL_ELEMENTS = 64;
    /**
     * Longer units (a softmax row, a summed row) cannot be cut into trials: without a
     * {@link Trial} they go vector as before the gate, their own long loops left to C2's
     * on-stack replacement within the call; with one they run scalar, the trials on a prefix.
     */
    static final int MAX_TRIAL_ELEMENTS = 8 * CHUNK_ELEMENTS;
    /** Trials may take 1/BUDGET of the first PATIENT_NANOS spent scalar, so a first call costs little more, */
    static final long BUDGET = 5;
    /**
     * and LATER_SHARE times the scalar time after it, so a kernel run again and again turns hot
     * within seconds: warming the vector path costs about a second however it is spread.
     */
    static final long PATIENT_NANOS = 300_000_000, LATER_SHARE = 4;
    /**
     * Scalar time before the first trial: a call this short never asks for the vector path. The
     * first vector operation in a JVM initialises the Vector API (150-300 ms measured, more than
     * such a call costs in all), which {@link Readiness} does off the caller's thread, but not off
     * the machine: on two cores it took the second from a first call's worker and flooded the
     * JIT's queue, so it starts only after 100 ms of scalar work, past a first softmax or
     * cross-entropy (after 20 ms, their first calls took 157 and 752 ms wall against 115 and 494,
     * medians of 7 fresh runs under heavy load).
     */
    static final long FIRST_TRIAL_AFTER_NANOS = 100_000_000;
    /** The vector path must beat the scalar best by this factor (timing noise, call overhead). */
    static final double MARGIN = 1.25;
    /** Scalar chunks timed before the first trial, so the best it is compared with is a settled one. */
    static final int MIN_SCALAR_CHUNKS = 8;

    private final Clock clock;
    private final Readiness readiness;
    private volatile boolean hot;
    private volatile long scalarNanos, vectorNanos, scalarChunks;
    /** Best picoseconds per element of each path so far. */
    private volatile long scalarBest = Long.MAX_VALUE, vectorBest = Long.MAX_VALUE;
    /** Picoseconds per element of the latest trial, which sizes the next one. */
    private volatile long vectorLatest = Long.MAX_VALUE;

    HotPath() {
        this(JvmClock.INSTANCE, JvmClock.INSTANCE);
    }

    /**
     * System.nanoTime and {@link Vectorized#apiReady}: a class, not two method references, which
     * a fresh JVM links (~0.5 ms each, interpreted) on the first call through any gate.
     */
    private static final class JvmClock implements Clock, Readiness {
        static final JvmClock INSTANCE = new JvmClock();

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public boolean ready() {
            return Vectorized.apiReady();
        }
    }

    HotPath(Clock clock, Readiness readiness) {
        this.clock = clock;
        this.readiness = readiness;
    }

    /** True once the vector path has won: callers then run it directly, ungated. */
    boolean hot() {
        return hot;
    }

    /**
     * Runs units [from, to), each of {@code weight} elements, through {@code work}: all vector
     * when hot, else scalar chunks with vector trials in between as the budget allows.
     */
    void run(int from, int to, int weight, Work work) {
        run(from, to, weight, work, null);
    }

    /** {@link #run(int, int, int, Work)}, where units too long for a trial get {@code trial}'s prefix trials. */
    void run(int from, int to, int weight, Work work, Trial trial) {
        if (weight > MAX_TRIAL_ELEMENTS && trial != null && !hot) {
            longUnits(from, to, weight, work, trial);
            return;
        }
        int chunk = Math.max(1, CHUNK_ELEMENTS / weight);
        for (int at = from; at < to;) {
            if (hot || weight > MAX_TRIAL_ELEMENTS) {
                work.run(at, to, true);
                return;
            }
            boolean vector = trialDue();
            int end = (int) Math.min(to, (long) at + (vector ? trialUnits(chunk, weight) : chunk));
            long start = clock.nanoTime();
            work.run(at, end, vector);
            record(vector, clock.nanoTime() - start, (long) (end - at) * weight);
            at = end;
        }
    }

    /**
     * Long units one at a time, scalar, each after as many prefix trials as the budget allows.
     * Cold, the vector kernel runs the Vector API's Java fallback until C2 compiles it: a first
     * sum of 10⁷ floats made vector took 0.6 s and the next four 0.14-0.44 s each, against
     * 20 ms scalar (measured under load), so a long unit goes vector only once trials have won.
     */
    private void longUnits(int from, int to, int weight, Work work, Trial trial) {
        for (int at = from; at < to; at++) {
            for (int t = 0; t < MAX_TRIALS_PER_UNIT && !hot && trialDue(); t++) {
                long start = clock.nanoTime();
                trial.run(LONG_TRIAL_ELEMENTS);
                record(true, clock.nanoTime() - start, LONG_TRIAL_ELEMENTS);
            }
            if (hot) {
                work.run(at, to, true);
                return;
            }
            long start = clock.nanoTime();
            work.run(at, at + 1, false);
            record(false, clock.nanoTime() - start, weight);
        }
    }

    /**
     * A long unit's trial prefix, not the short units' 64 elements and up: a long kernel's main
     * loop may not even start on fewer (a cascaded sum's smallest block is 8192 floats), and its
     * set-up would swamp the time per element.
     */
    static final int LONG_TRIAL_ELEMENTS = 4 * CHUNK_ELEMENTS;
    /** Trials before one long unit at most: the budget bounds them too, this bounds a fast trial's loop. */
    static final int MAX_TRIALS_PER_UNIT = 64;

    private boolean trialDue() {
        long scalar = scalarNanos;
        long allowance = scalar <= PATIENT_NANOS ? scalar / BUDGET : PATIENT_NANOS / BUDGET + LATER_SHARE * (scalar - PATIENT_NANOS);
        return scalar >= FIRST_TRIAL_AFTER_NANOS && scalarChunks >= MIN_SCALAR_CHUNKS && vectorNanos < allowance
                && readiness.ready();
    }

    /**
     * A trial takes about as long as a scalar chunk: one vector while the vector path is
     * hundreds of times slower (the JIT counts invocations more than elements, so many small
     * trials reach C2 sooner), growing to a whole chunk as it catches up, where the timing
     * overhead is small enough for a fair comparison.
     */
    private int trialUnits(int chunk, int weight) {
        long latest = vectorLatest, elements = latest == Long.MAX_VALUE ? MIN_TRIAL_ELEMENTS
                : Math.max(MIN_TRIAL_ELEMENTS, CHUNK_ELEMENTS * Math.min(scalarBest, latest) / Math.max(1, latest));
        return (int) Math.max(1, Math.min(chunk, elements / weight));
    }

    /** Adds one timed chunk to the statistics, and turns hot if the vector path has won. */
    void record(boolean vector, long nanos, long elements) {
        long picosPerElement = Math.max(0, nanos) * 1000 / Math.max(1, elements);
        if (vector) {
            vectorNanos += nanos;
            vectorBest = Math.min(vectorBest, picosPerElement);
            vectorLatest = picosPerElement;
            if (vectorBest * MARGIN < scalarBest) hot = true;
        } else {
            scalarNanos += nanos;
            scalarChunks++;
            scalarBest = Math.min(scalarBest, picosPerElement);
        }
    }

    @Override
    public String toString() {
        return (hot ? "hot" : "cold") + " scalar " + scalarChunks + " chunks " + scalarNanos / 1000 + " µs best "
                + scalarBest + " ps/el, vector trials " + vectorNanos / 1000 + " µs best " + vectorBest + " ps/el";
    }
}

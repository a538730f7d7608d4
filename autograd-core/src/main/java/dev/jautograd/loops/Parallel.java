package dev.jautograd.loops;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Splits a loop over {@code [0, n)} into one contiguous chunk per worker. Only loops of at least
 * {@link #MIN_PARALLEL} elements are split: below that, handing work to another thread costs more
 * (a few microseconds) than it saves. The calling thread runs the first chunk itself.
 */
final class Parallel {
    /** Elements below which a loop stays on the calling thread (~50 µs of simple float work). */
    static final int MIN_PARALLEL = 1 << 15;

    private static final int THREADS = Math.max(1,
            Integer.getInteger("jautograd.threads", Runtime.getRuntime().availableProcessors()));
    private static volatile ExecutorService pool;

    private Parallel() {}

    /** A chunk of a loop: handles indices {@code [from, to)}. */
    @FunctionalInterface
    interface Range {
        void run(int from, int to);
    }

    static int threads() {
        return THREADS;
    }

    /** Runs {@code body} over {@code [0, n)}, in parallel when {@code n} (times {@code cost}) is large. */
    static void forRange(int n, int cost, Range body) {
        // A worker never waits on the pool it belongs to: with one worker that would deadlock.
        boolean small = (long) n * cost < MIN_PARALLEL || Thread.currentThread() instanceof Worker;
        int chunks = small ? 1 : Math.min(THREADS, n);
        if (chunks <= 1) {
            body.run(0, n);
            return;
        }
        Future<?>[] others = new Future<?>[chunks - 1];
        for (int c = 1; c < chunks; c++) {
            int from = bound(n, chunks, c), to = bound(n, chunks, c + 1);
            others[c - 1] = pool().submit(new Chunk(body, from, to));
        }
        body.run(0, bound(n, chunks, 1));
        for (Future<?> f : others) join(f);
    }

    static void forRange(int n, Range body) {
        forRange(n, 1, body);
    }

    /**
     * One worker's part of a {@link #forRange}. This class and {@link Claims} are classes, not
     * lambdas: a fresh JVM linked each lambda (method-handle forms the archive does not hold) on
     * the first parallel call, e.g. a first softmax's.
     */
    private record Chunk(Range body, int from, int to) implements Runnable {
        @Override
        public void run() {
            body.run(from, to);
        }
    }

    /**
     * Like {@link #forRange}, but every thread claims batches of units from a shared counter as
     * it comes free, so a worker that gets its core late (a loaded machine, a busy hub) takes
     * fewer units instead of holding the caller up for half the loop. For units whose result
     * does not depend on which thread runs them (each writes its own outputs).
     */
    static void forUnits(int n, int cost, Range body) {
        boolean small = (long) n * cost < MIN_PARALLEL || Thread.currentThread() instanceof Worker;
        if (small || THREADS == 1 || n <= 1) {
            body.run(0, n);
            return;
        }
        int batch = Math.max(1, n / (THREADS * 8));
        var claim = new Claims(body, n, batch);
        for (int c = 1; c < Math.min(THREADS, n); c++) pool().execute(claim);
        claim.run();
        // A worker still running holds at most one batch; one that never started finds none left.
        for (int spins = 0; claim.done.get() < n; spins++) {
            if (spins < 10_000) Thread.onSpinWait();
            else java.util.concurrent.locks.LockSupport.parkNanos(20_000);
        }
        Throwable t = claim.failure.get();
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        if (t != null) throw new IllegalStateException(t);
    }

    /** What every thread of a {@link #forUnits} runs: batches claimed from the shared counter until none are left. */
    private static final class Claims implements Runnable {
        private final Range body;
        private final int n, batch;
        final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();

        Claims(Range body, int n, int batch) {
            this.body = body;
            this.n = n;
            this.batch = batch;
        }

        @Override
        public void run() {
            for (int from; (from = next.getAndAdd(batch)) < n;) {
                int to = Math.min(n, from + batch);
                try {
                    body.run(from, to);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    done.addAndGet(to - from);
                }
            }
        }
    }

    /** Whether {@link #forUnits} would split n units of {@code cost} elements over the workers. */
    static boolean splits(int n, int cost) {
        return (long) n * cost >= MIN_PARALLEL && THREADS > 1 && n > 1 && !(Thread.currentThread() instanceof Worker);
    }

    /** Work the caller does while {@link #allocateAside} allocates: one step, false when it has none left. */
    interface Step {
        boolean run();
    }

    /**
     * A new {@code float[length]} allocated (so zeroed) on a worker while the caller runs
     * {@code meanwhile} step by step. The JVM zeroes a new array on the allocating thread, and a
     * large one is fresh memory (4 MB: ~0.1 ms); allocated by the caller before a split, the
     * second core idles for that long. If the worker has not started when the caller runs out of
     * steps, the caller allocates itself (a late worker, a loaded machine). Only where
     * {@link #splits} holds.
     */
    static float[] allocateAside(int length, Step meanwhile) {
        Allocation allocation = new Allocation(length);
        pool().execute(allocation);
        while (allocation.result.get() == null && meanwhile.run()) {
            // the caller's steps run until the array is there or they run out
        }
        if (allocation.state.compareAndSet(0, 2)) return new float[length];
        Object r;
        for (int spins = 0; (r = allocation.result.get()) == null; spins++) {
            if (spins < 10_000) Thread.onSpinWait();
            else java.util.concurrent.locks.LockSupport.parkNanos(20_000);
        }
        if (r instanceof float[] array) return array;
        if (r instanceof RuntimeException e) throw e;
        if (r instanceof Error e) throw e;
        throw new IllegalStateException((Throwable) r);
    }

    /** {@link #allocateAside}'s task (a class, not a lambda: nothing spun on a first call). */
    private static final class Allocation implements Runnable {
        final int length;
        /** 0 waiting, 1 taken by the worker, 2 by the caller. */
        final java.util.concurrent.atomic.AtomicInteger state = new java.util.concurrent.atomic.AtomicInteger();
        /** The array, or what the allocation threw. */
        final java.util.concurrent.atomic.AtomicReference<Object> result = new java.util.concurrent.atomic.AtomicReference<>();

        Allocation(int length) {
            this.length = length;
        }

        @Override
        public void run() {
            if (!state.compareAndSet(0, 1)) return;
            try {
                result.set(new float[length]);
            } catch (Throwable t) {
                result.set(t);
            }
        }
    }

    private static int bound(int n, int chunks, int c) {
        return (int) ((long) n * c / chunks);
    }

    private static void join(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a parallel kernel", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Daemon threads, so a notebook or a test JVM can exit without shutting the pool down, in a
     * thread group of their own under the root group: a thread inherits the group of the thread
     * that starts it, and JShell's local engine waits, after each snippet, for every thread of
     * the snippet's group, so workers started lazily from a cell would make that cell hang.
     */
    private static final class Worker extends Thread {
        private static final ThreadGroup GROUP = new ThreadGroup(rootGroup(), "jautograd-loops");

        Worker(Runnable task) {
            super(GROUP, task, "jautograd-kernel");
            setDaemon(true);
        }

        /** Not {@code Worker::new}: one method reference less to link on the first parallel call. */
        static final class Factory implements java.util.concurrent.ThreadFactory {
            @Override
            public Thread newThread(Runnable task) {
                return new Worker(task);
            }
        }

        private static ThreadGroup rootGroup() {
            ThreadGroup group = Thread.currentThread().getThreadGroup();
            while (group.getParent() != null) group = group.getParent();
            return group;
        }
    }

    /**
     * A daemon thread in the workers' group, for library work off the caller's path: out of the
     * notebook cell's thread group, where the kernel's interrupt would stop it mid-way (a class
     * initialiser stopped half-way fails for the rest of the session).
     */
    static Thread background(Runnable task, String name) {
        Thread thread = new Thread(Worker.GROUP, task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static ExecutorService pool() {
        ExecutorService p = pool;
        if (p == null) {
            synchronized (Parallel.class) {
                if (pool == null) {
                    pool = Executors.newFixedThreadPool(THREADS - 1, new Worker.Factory());
                }
                p = pool;
            }
        }
        return p;
    }
}

package dev.jautograd.kernel;

import dev.jautograd.kernel.session.CellError;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a cell (and the rendering of its value) on a thread of its own, so the shell thread can
 * always answer: a result whose {@code toString()} never returns, or two threads deadlocked on
 * monitors, cannot be stopped by JShell, and used to hold the shell thread and with it the kernel.
 * After an interrupt the cell gets one second to end; then it is abandoned with a message saying
 * a thread is still stuck, and later cells are answered at once until it ends or the kernel restarts.
 */
final class CellRunner {
    static final long INTERRUPT_GRACE_MS = 1000;
    private static final long POLL_MS = 20;

    private volatile long interruptedAt;
    private volatile Thread stuck;
    private volatile int stuckCell;

    /** A cell thread left running after an interrupt, still alive: JShell is in its hands. */
    boolean stuck() {
        var thread = stuck;
        return thread != null && thread.isAlive();
    }

    CellError stuckError() {
        return error("cell " + stuckCell + " is still running in a thread that cannot be stopped;"
                + " Kernel > Restart frees it (this cell did not run)");
    }

    /** Called from the control thread on interrupt_request. */
    void interrupted() {
        interruptedAt = System.nanoTime();
    }

    /** The work's result, or what it threw; {@code abandoned} when an interrupt could not end it. */
    <T> T run(int cell, Callable<T> work, java.util.function.Function<CellError, T> abandoned) throws Throwable {
        interruptedAt = 0;
        var result = new AtomicReference<T>();
        var failure = new AtomicReference<Throwable>();
        var thread = new Thread(() -> {
            try {
                result.set(work.call());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "cell-" + cell);
        thread.setDaemon(true); // a stuck cell must not keep the JVM from shutting down
        thread.start();
        while (thread.isAlive()) {
            thread.join(POLL_MS);
            long since = interruptedAt;
            if (thread.isAlive() && since != 0 && System.nanoTime() - since > INTERRUPT_GRACE_MS * 1_000_000) {
                stuck = thread;
                stuckCell = cell;
                return abandoned.apply(error("a thread of this cell is still stuck (a toString() that never returns,"
                        + " a deadlock) and cannot be stopped; Kernel > Restart frees it"));
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    private static CellError error(String message) {
        return new CellError("Interrupted", message, List.of("Interrupted: " + message));
    }
}

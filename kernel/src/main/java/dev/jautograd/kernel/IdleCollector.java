package dev.jautograd.kernel;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Gives a big heap back to the system once the notebook goes quiet.
 *
 * <p>A dropped 512 MB tensor is garbage in the old generation, which the serial collector only
 * looks at in a full collection, and a class's kernel may never need one: the process would hold
 * its peak for good. So a second after the last cell, if the committed heap is above the
 * floor, this asks for one full collection; with {@code -XX:MaxHeapFreeRatio} and
 * {@code -XX:-ShrinkHeapInSteps} (launch.sh) the heap then shrinks to what is live. A new request
 * cancels a pending collection. The floor then rises to a quarter above the shrunk heap, so a
 * kernel pays for one collection each time its heap has grown by that much, not after every cell
 * (the seed notebook grows a fresh kernel's heap from ~50 to ~95 MB: one collection, ~25 MB
 * less to keep per student).
 */
final class IdleCollector {
    static final long FIRST_FLOOR = 64L << 20;
    private static final long DELAY_MS = 1000;

    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
        var thread = new Thread(r, "idle-gc");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> pending;
    private long floor = FIRST_FLOOR;

    IdleCollector() {
        timer.setRemoveOnCancelPolicy(true);
        timer.prestartCoreThread(); // born now, in the kernel's thread group, never inside a cell
    }

    /** A request arrived: the notebook is not idle. */
    synchronized void busy() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    /** The request is answered: collect after a quiet second, if the heap is big. */
    synchronized void idle() {
        busy();
        if (Runtime.getRuntime().totalMemory() > floor) {
            pending = timer.schedule(this::collect, DELAY_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void collect() {
        System.gc();
        long shrunk = Runtime.getRuntime().totalMemory();
        synchronized (this) {
            floor = Math.max(FIRST_FLOOR, shrunk + shrunk / 4);
        }
    }
}

package dev.jautograd.kernel;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Ends the kernel when the process that started it is gone, as ipykernel's ParentPollerUnix does.
 *
 * <p>A notebook server killed with {@code kill -9} (the OOM killer does that) cannot ask its
 * kernels to stop; without this they run on, reparented to PID 1 or a subreaper, holding their
 * memory forever. Once a second this checks that the kernel's parent is still the process that
 * started it (a process is only reparented when its parent dies) and that the process named by
 * {@code JPY_PARENT_PID}, which jupyter_client sets, still lives (it may sit above a wrapper);
 * otherwise it runs {@code exit}.
 */
final class ParentWatch {
    private static final Logger LOG = Logger.getLogger(ParentWatch.class.getName());
    private static final long INTERVAL_MS = 1000;

    private ParentWatch() {
    }

    /** Starts the daemon thread; does nothing when started by PID 1 (nothing to outlive). */
    static void start(Runnable exit) {
        long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);
        if (parent <= 1) {
            return;
        }
        String env = System.getenv("JPY_PARENT_PID");
        long jupyter = env != null && env.matches("\\d+") ? Long.parseLong(env) : parent;
        var thread = new Thread(() -> watch(parent, jupyter, exit), "parent-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private static void watch(long parent, long jupyter, Runnable exit) {
        while (true) {
            try {
                Thread.sleep(INTERVAL_MS);
            } catch (InterruptedException e) {
                return;
            }
            if (!parentAlive(parent, jupyter)) {
                exitAfter(jupyter, exit);
                return;
            }
        }
    }

    /**
     * Runs {@code exit}, and halts the JVM if that fails. With the heap full the log line or the
     * orderly exit can throw OutOfMemoryError: the warning's lambda did, ended this thread, and
     * left the kernel running for good, reparented, its heap held (found after killing a test's
     * server under a full heap, JDK 25).
     */
    private static void exitAfter(long jupyter, Runnable exit) {
        try {
            LOG.warning("Parent process " + jupyter + " has exited; the kernel exits too");
        } catch (Throwable e) {
            // the exit matters, not the line
        }
        try {
            exit.run();
        } catch (Throwable e) {
            // could not exit in order
        }
        Runtime.getRuntime().halt(1); // reached only when exit failed: nothing may outlive the server
    }

    /** True also when the heap is too full to tell: an OutOfMemoryError must not end the watch. */
    private static boolean parentAlive(long parent, long jupyter) {
        try {
            Optional<Long> now = ProcessHandle.current().parent().map(ProcessHandle::pid);
            boolean alive = ProcessHandle.of(jupyter).map(ProcessHandle::isAlive).orElse(false);
            return alive && now.isPresent() && now.get() == parent;
        } catch (OutOfMemoryError e) {
            return true; // asked again in a second
        }
    }
}

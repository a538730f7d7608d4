package dev.jautograd.kernel;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds the kernel's exit. A shutdown hook a cell registered runs when the kernel shuts down
 * (shutdown_request, SIGTERM), as in any Java program, but one that never returns would keep the
 * JVM, and with it the student's memory, alive until the server kills it, if ever. So from the
 * moment the kernel starts to exit, or the JVM starts to shut down, it has {@link #LIMIT_MS};
 * then it halts.
 */
final class ExitDeadline {
    static final long LIMIT_MS = 2000;
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static volatile PrintStream log = System.err;

    private ExitDeadline() {
    }

    /**
     * A signal (SIGTERM, SIGINT) or System.exit starts the deadline as the JVM's shutdown begins;
     * {@code kernelLog} is the process's real stderr (System.err may belong to a cell by then).
     */
    static void armForShutdown(PrintStream kernelLog) {
        log = kernelLog;
        Runtime.getRuntime().addShutdownHook(new Thread(ExitDeadline::start, "exit-deadline-hook"));
    }

    /** Halts the JVM {@link #LIMIT_MS} from now unless it has ended by then. */
    static void start() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        var deadline = new Thread(() -> {
            try {
                Thread.sleep(LIMIT_MS);
            } catch (InterruptedException e) {
                return;
            }
            log.println("The kernel did not end within " + LIMIT_MS + " ms (a shutdown hook still running?): halting");
            Runtime.getRuntime().halt(0);
        }, "exit-deadline");
        deadline.setDaemon(true); // the JVM ends without waiting for it once the hooks are done
        deadline.start();
    }
}

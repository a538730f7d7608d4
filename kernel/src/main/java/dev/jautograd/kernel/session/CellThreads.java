package dev.jautograd.kernel.session;

import java.lang.Thread.UncaughtExceptionHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Gives the threads a cell starts Java's own treatment of an uncaught exception, which JShell's
 * engine takes away: JDK 17's replaces the JVM's default handler before every statement, and
 * JDK 25's runs statements in a thread group that keeps such exceptions to itself; either way a
 * background thread died in silence, a handler the user had set included.
 *
 * <p>So each statement runs on a thread of a {@link CellGroup} of its own, made inside JShell's
 * group (JShell's stop still reaches it), and every thread the statement makes joins that group.
 * There an uncaught exception goes to the default handler the notebook set, if any, else is
 * printed as the JVM prints it ({@code Exception in thread "Thread-0" java.lang...}) on
 * System.err, which {@link OutputCapture} routes to the thread's cell, or the next.
 */
public final class CellThreads {
    /** How often the heap is looked at while a statement runs (see MemoryReserve.whileStatementRuns). */
    private static final long WATCH_MS = 20;
    private static volatile Method statement;
    /** The default handler cell code set; JDK 17's engine overwrites the JVM's before each statement. */
    private static volatile UncaughtExceptionHandler notebookDefault;
    /** The ThreadDeath that ended the last statement's thread (Thread.stop in the cell, or JShell's stop). */
    private static volatile ThreadDeath lastDeath;

    private CellThreads() {}

    /** The trampoline JShell invokes instead of {@code inner}; same result or exception. */
    static Method trampoline(Method inner) {
        statement = inner;
        lastDeath = null;
        try {
            return CellThreads.class.getDeclaredMethod("run");
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Public for reflection only: runs the pending statement on a thread of a new cell group. */
    public static Object run() throws Throwable {
        Method inner = statement;
        restoreNotebookDefault();
        var outcome = new Object[2];
        var thread = new Thread(new CellGroup(), () -> {
            try {
                outcome[0] = inner.invoke(null);
            } catch (InvocationTargetException e) {
                outcome[1] = e.getCause();
            } catch (Throwable e) {
                outcome[1] = e;
            }
        }, "jshell-statement");
        MemoryReserve.statementStarts();
        thread.start();
        joinUninterruptibly(thread);
        MemoryReserve.statementEnded(); // first, before anything here or in JShell allocates
        StandardStreams.restoreNulls(); // before JShell compiles the next snippet with System.err
        rememberNotebookDefault();
        if (outcome[1] instanceof ThreadDeath death) {
            lastDeath = death;
        }
        if (outcome[1] != null) {
            throw (Throwable) outcome[1];
        }
        return outcome[0];
    }

    /** The ThreadDeath that ended the last statement, once; null if none did. */
    static ThreadDeath takeDeath() {
        var death = lastDeath;
        lastDeath = null;
        return death;
    }

    /**
     * JShell's stop interrupts every thread of its group, this one too: the statement's thread
     * decides whether the statement ends, and this waits for it. (JDK 17's stop throws ThreadDeath
     * here instead, which ends the wait as JShell expects.)
     */
    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join(WATCH_MS); // returns the moment the statement ends
                MemoryReserve.whileStatementRuns();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void restoreNotebookDefault() {
        var notebook = notebookDefault;
        if (notebook != null && isJShells(Thread.getDefaultUncaughtExceptionHandler())) {
            Thread.setDefaultUncaughtExceptionHandler(notebook);
        }
    }

    private static void rememberNotebookDefault() {
        var current = Thread.getDefaultUncaughtExceptionHandler();
        if (!isJShells(current)) {
            notebookDefault = current; // null too: the notebook cleared its handler
        }
    }

    /** Whether {@code group} is a statement's group or inside one: the threads a cell made. */
    static boolean isCellGroup(ThreadGroup group) {
        for (var g = group; g != null; g = g.getParent()) {
            if (g instanceof CellGroup) {
                return true;
            }
        }
        return false;
    }

    private static boolean isJShells(UncaughtExceptionHandler handler) {
        return handler != null && handler.getClass().getName().startsWith("jdk.jshell.");
    }

    /** The group of a statement's threads: an uncaught exception is shown, as the JVM shows it. */
    private static final class CellGroup extends ThreadGroup {
        CellGroup() {
            super("cell");
        }

        @Override
        public void uncaughtException(Thread thread, Throwable failure) {
            var handler = Thread.getDefaultUncaughtExceptionHandler();
            if (handler == null || isJShells(handler)) {
                handler = notebookDefault;
            }
            if (handler != null) {
                handler.uncaughtException(thread, failure);
            } else if (!(failure instanceof ThreadDeath)) {
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                failure.printStackTrace(System.err);
            }
        }
    }
}

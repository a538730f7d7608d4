package dev.jautograd.kernel.session;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Stands in for {@code Thread.interrupt()}, {@code ThreadGroup.interrupt()} and
 * {@code Thread.stop()} called from a cell ({@link ExitCallRewriter}): the cell's own threads (its
 * statements' and every thread they made, virtual threads too) are interrupted or stopped as
 * asked; the kernel's (its sockets', the output flush, JShell's, the JVM's) are left alone.
 *
 * <p>Found by trying to break the kernel (2026-12-02): a cell stopping the threads it had started
 * by interrupting every thread there is ({@code Thread.getAllStackTraces().keySet().forEach(
 * Thread::interrupt)}) interrupted the kernel's shell thread too. The cell then failed with an
 * {@code InterruptedException} from inside the kernel while its statement ran on, and an
 * interrupted ZeroMQ send failed ({@code Errno 4: Interrupted function}). Public because
 * rewritten snippet classes call it.
 */
public final class ThreadGuard {
    /** {@code Thread.isVirtual()} on JDK 21+, null before (the kernel is built for 17). */
    private static final MethodHandle IS_VIRTUAL = isVirtualHandle();

    private ThreadGuard() {
    }

    /** Stands in for {@code thread.interrupt()}: nothing happens to a thread of the kernel. */
    public static void interrupt(Thread thread) {
        if (isCells(thread)) {
            thread.interrupt();
        }
    }

    /** Stands in for {@code group.interrupt()}: the cells' threads in the group and its subgroups. */
    public static void interrupt(ThreadGroup group) {
        if (CellThreads.isCellGroup(group)) {
            group.interrupt();
            return;
        }
        var threads = new Thread[group.activeCount() + 16];
        int count = group.enumerate(threads, true);
        for (int i = 0; i < count; i++) {
            interrupt(threads[i]);
        }
    }

    /** Stands in for {@code thread.stop()} (JDK 17; later JDKs refuse it for any thread). */
    @SuppressWarnings("removal")
    public static void stop(Thread thread) {
        if (!isCells(thread)) {
            throw new IllegalStateException("Thread.stop() of the kernel's thread \"" + thread.getName()
                    + "\" refused: the kernel needs it to run the notebook.");
        }
        thread.stop();
    }

    /** Whether a cell made this thread (or it is the caller, or virtual, or has ended). */
    static boolean isCells(Thread thread) {
        if (thread == Thread.currentThread() || isVirtual(thread)) {
            return true;
        }
        var group = thread.getThreadGroup(); // null once the thread has ended
        return group == null || CellThreads.isCellGroup(group);
    }

    private static boolean isVirtual(Thread thread) {
        try {
            return IS_VIRTUAL != null && (boolean) IS_VIRTUAL.invokeExact(thread);
        } catch (Throwable e) {
            return false;
        }
    }

    private static MethodHandle isVirtualHandle() {
        try {
            return MethodHandles.publicLookup().findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class));
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}

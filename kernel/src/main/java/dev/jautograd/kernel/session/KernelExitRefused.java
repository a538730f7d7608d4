package dev.jautograd.kernel.session;

/**
 * Thrown in place of {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} called
 * from a cell: the cell runs inside the kernel's JVM, so ending the JVM would end the kernel and
 * lose every variable of the notebook. Public because rewritten snippet classes call it.
 */
public final class KernelExitRefused extends RuntimeException {
    KernelExitRefused(String call) {
        super(call + " would end the kernel's JVM and every variable with it; refused. "
                + "Use Kernel > Restart (or Shut Down) instead.");
    }

    /** Stands in for {@code System.exit(status)}. */
    public static void systemExit(int status) {
        throw new KernelExitRefused("System.exit(" + status + ")");
    }

    /** Stands in for {@code runtime.exit(status)}; the receiver is what the original call popped. */
    public static void runtimeExit(Runtime runtime, int status) {
        throw new KernelExitRefused("Runtime.exit(" + status + ")");
    }

    /** Stands in for {@code runtime.halt(status)}. */
    public static void runtimeHalt(Runtime runtime, int status) {
        throw new KernelExitRefused("Runtime.halt(" + status + ")");
    }
}

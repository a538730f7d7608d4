package dev.jautograd.kernel;

/**
 * A block of heap held back so the kernel can still reply, log and go on serving after an
 * {@code OutOfMemoryError}: when a cell (or the kernel's own work for it) fills the heap, the
 * block is let go, which frees just enough to publish the error on the cell.
 *
 * <p>It is taken back after a cell only while the heap has room for it three times over;
 * otherwise the cell that left the heap full gets a note saying how to free it, and the block
 * stays released so the next cell (say {@code data = null;}) can still compile.
 */
final class MemoryReserve {
    // Enough to build and send an error reply; small, since every student's kernel holds it (PSS).
    private static final long SIZE = Math.min(4L << 20, Runtime.getRuntime().maxMemory() / 64);
    private static volatile byte[] reserve = new byte[(int) SIZE];

    private MemoryReserve() {
    }

    /** Lets the block go if {@code failure} is (or was caused by) running out of heap. */
    static void releaseIf(Throwable failure) {
        if (outOfMemory(failure) != null) {
            reserve = null;
        }
    }

    /**
     * The OutOfMemoryError behind {@code failure}: itself, a cause, or one JShell reported only in
     * words ({@code InternalError: Exception during analyze - java.lang.OutOfMemoryError: Java
     * heap space}); null if the heap was not the trouble.
     */
    static OutOfMemoryError outOfMemory(Throwable failure) {
        String named = OutOfMemoryError.class.getName() + ": ";
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError oom) {
                return oom;
            }
            String message = t.getMessage();
            int at = message == null ? -1 : message.indexOf(named);
            if (at >= 0) {
                return new OutOfMemoryError(message.substring(at + named.length()));
            }
        }
        return null;
    }

    /**
     * Takes the block back if the heap has room; otherwise returns a note for the cell's stderr
     * (null when all is well).
     */
    static String refill() {
        if (reserve != null) {
            return null;
        }
        System.gc(); // only after an OutOfMemoryError: what the cell dropped must count as free
        var runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        long free = runtime.maxMemory() - used;
        if (free > 3 * SIZE) {
            try {
                reserve = new byte[(int) SIZE];
                return null;
            } catch (OutOfMemoryError e) {
                // another thread took the room meanwhile: say so below
            }
        }
        return "[the Java heap is full (" + (used >> 20) + " of " + (runtime.maxMemory() >> 20)
                + " MB in use): set variables that hold large values to null (data = null;) or use"
                + " Kernel > Restart; to give notebooks more, add -Xmx to argv in kernel.json]\n";
    }
}

package dev.jautograd.kernel.session;

import java.util.List;

/**
 * Room on the heap for the kernel's own work when a cell keeps the heap full (it caught its own
 * {@code OutOfMemoryError} and kept what it allocated in a variable, under a capped {@code -Xmx}).
 *
 * <p>Compiling under a full heap is what hung the kernel: javac ran out inside JShell, every
 * allocation became a full collection, and JeroMQ's I/O thread, whose allocations then fail too,
 * lost its commands and with them the replies. So javac runs only with {@link #NEED} free: below
 * that a cell is not compiled but answered with an {@code OutOfMemoryError} saying how to free the
 * heap, and a cell of only {@code name = null;} assignments runs without javac, so the student
 * can always free it. A block of heap is held back meanwhile and let go when the heap is found
 * full (or an OutOfMemoryError reaches the kernel), so the replies and JeroMQ still have room.
 */
public final class MemoryReserve {
    private static final long MAX = Runtime.getRuntime().maxMemory();
    /** Enough to build and send replies; small, since every student's kernel holds it (PSS). */
    static final long SIZE = Math.min(4L << 20, MAX / 64);
    /**
     * Free heap javac needs for a cell. With 1 to 4 MB free, ten cells compiled but each waited
     * seconds in full collections and one failed (-Xmx256m, JDK 17): 16 MB leaves a margin.
     */
    static final long NEED = Math.min(16L << 20, MAX / 8);
    private static volatile byte[] reserve = new byte[(int) SIZE];

    private MemoryReserve() {
    }

    /** Lets the block go if {@code failure} is (or was caused by) running out of heap. */
    public static void releaseIf(Throwable failure) {
        if (outOfMemory(failure) != null) {
            reserve = null;
        }
    }

    /**
     * The OutOfMemoryError behind {@code failure}: itself, a cause, or one JShell reported only in
     * words ({@code InternalError: Exception during analyze - java.lang.OutOfMemoryError: Java
     * heap space}); null if the heap was not the trouble.
     */
    public static OutOfMemoryError outOfMemory(Throwable failure) {
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
     * Whether the heap has room for javac: cheap while it has (garbage counts as used, so the
     * reading is a lower bound); near full, one full collection decides. Without room the block
     * is let go, for the replies; with room again it is taken back.
     */
    public static synchronized boolean room() {
        if (reserve != null && available() >= NEED) {
            return true;
        }
        System.gc(); // only near a full heap: what the last cell dropped must count as free
        if (reserve == null && available() >= NEED + SIZE) {
            try {
                reserve = new byte[(int) SIZE];
            } catch (OutOfMemoryError e) {
                // another thread took the room meanwhile: measured again below
            }
        }
        if (available() >= NEED) {
            return true;
        }
        reserve = null;
        return false;
    }

    /** After a cell: null when the heap has room, else a note for the cell's stderr. */
    public static String afterCell() {
        return room() ? null : "[" + fullMessage() + "]\n";
    }

    /** The error of a cell not run for want of heap: all of it, or (when {@code line > 0}) the rest from that line. */
    static CellError heapFull(int line) {
        String message = fullMessage() + (line > 0 ? " [the rest of the cell, from line " + line + ", did not run]"
                : " [the cell did not run]");
        return new CellError("OutOfMemoryError", message, List.of("OutOfMemoryError: " + message));
    }

    /** The error of a cell that filled the heap while the kernel ran it ({@code where}) and left it full. */
    public static CellError heapFull(String where) {
        String message = fullMessage();
        return new CellError("OutOfMemoryError", message, List.of("OutOfMemoryError: " + message, where));
    }

    /** Whether {@code error} is this class's own heap-full answer (its message says it all already). */
    public static boolean isHeapFull(CellError error) {
        return error.ename().equals("OutOfMemoryError") && error.evalue().startsWith("the Java heap is full");
    }

    static String fullMessage() {
        var runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        return "the Java heap is full (" + (used >> 20) + " of " + (MAX >> 20) + " MB in use; compiling a cell"
                + " needs " + (NEED >> 20) + " MB free): set variables that hold large values to null (data = null;"
                + " a cell of only such assignments runs even now) or use Kernel > Restart; to give notebooks more,"
                + " add -Xmx to argv in kernel.json";
    }

    private static long available() {
        var runtime = Runtime.getRuntime();
        return MAX - (runtime.totalMemory() - runtime.freeMemory());
    }
}

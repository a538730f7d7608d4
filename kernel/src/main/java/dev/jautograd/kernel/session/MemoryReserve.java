package dev.jautograd.kernel.session;

import java.util.List;

/**
 * Room on the heap for the kernel's own work when a cell keeps the heap full (it caught its own
 * {@code OutOfMemoryError} and kept what it allocated in a variable, under a capped {@code -Xmx}).
 *
 * <p>Compiling under a full heap is what hung the kernel: javac ran out inside JShell, every
 * allocation became a full collection, and the kernel's answer ran out after it. So javac runs
 * only when {@link #NEED} bytes can really be allocated: otherwise a cell is not compiled but
 * answered with an {@code OutOfMemoryError} saying how to free the heap, and a cell of only
 * {@code name = null;} assignments runs without javac, so the student can always free it. A block
 * of heap is held back meanwhile. It goes the moment a statement that left the heap full ends,
 * before JShell's bookkeeping and the kernel's answer allocate anything (or when an
 * OutOfMemoryError reaches the kernel between statements), and is taken back once there is room.
 */
public final class MemoryReserve {
    private static final long MAX = Runtime.getRuntime().maxMemory();
    /**
     * The block every kernel holds from its warm-up on, and so counts in an idle kernel's
     * footprint (the 120 MiB PSS goal: with 8 MB held a fresh idle kernel read 124.7 MiB in CI,
     * with 4 MB 118 to 120.3 MiB, with 2 MB 118 and then 120.4 MiB). Small, since the room a fill
     * needs comes mostly from {@link #EXTRA_SIZE}, held only while a statement has the heap past
     * half full.
     */
    static final long SIZE = Math.min(1L << 20, MAX / 128);
    /**
     * Room for what JShell and the kernel allocate between a statement that left the heap full
     * and the next cell's answer: they held up to 3 MB of it at once (JDK 25, -Xmx256m, in the GC
     * log), and JeroMQ's I/O thread needs its share. With this and {@code SIZE}, 8 MB go back after
     * a fill (25 runs of 25 of HeapPressureTests on JDK 25 with 4 + 4 MB, 8 of 8 with 2 + 6; 4 MB
     * alone lost a request in about 1 run of 12).
     */
    static final long EXTRA_SIZE = Math.min(7L << 20, MAX / 36);
    /**
     * Free heap javac needs for a cell. With 1 to 4 MB free, ten cells compiled but each waited
     * seconds in full collections and one failed (-Xmx256m, JDK 17): 16 MB leaves a margin.
     */
    static final long NEED = Math.min(16L << 20, MAX / 8);
    /**
     * Free bytes by the heap's own count that may not be there to allocate: the serial collector
     * keeps one survivor space empty (a thirtieth of the heap with its default ratios) and counts
     * it free. Above {@code NEED + SLACK} there is room without a doubt.
     */
    private static final long SLACK = MAX / 25;
    /**
     * A second, small block for the one thing that must never fail, a reply: a client without one
     * waits forever. It goes only when sending a reply (or reading the request) has run out of
     * heap, so that the second try has room: on JDK 25 a full heap once failed even the busy status
     * before a reply, after the main block had gone to the answers before. An error reply takes
     * tens of kilobytes; 512 KB keeps a fresh kernel's footprint where it was.
     */
    static final int ANSWER_SIZE = 512 << 10;
    private static volatile byte[] reserve = new byte[(int) SIZE];
    /**
     * A second block, of {@code EXTRA_SIZE}, taken only while a statement has pushed the heap past half
     * of {@code -Xmx} (so an idle kernel's footprint stays where it was) and given up with the
     * first. After a fill, the kernel's answers had the freed block as their only room, and its
     * own work held up to 3 MB of it at times (the GC log: live heap 235 to 238 of 247 MB over a
     * few cells), so JeroMQ's I/O thread ran out and an answer with it.
     */
    private static volatile byte[] extra;
    private static volatile byte[] answerBlock = new byte[ANSWER_SIZE];
    private static volatile byte[] trial;
    private static volatile boolean statementRunning;

    private MemoryReserve() {
    }

    /** A statement's own code starts: from now until it ends the block stays (see {@link #releaseIf}). */
    static void statementStarts() {
        statementRunning = true;
    }

    /**
     * Called the moment a statement's own code has ended, before JShell and the kernel allocate
     * anything for it: a statement that left the heap full (a cell that caught its own
     * OutOfMemoryError and kept what it had) would otherwise leave them nothing, and JShell's
     * bookkeeping, the reply and JeroMQ ran out one after the other. So the block goes now, while
     * nothing else takes it. Allocation-free: it must work on a full heap.
     */
    static void statementEnded() {
        statementRunning = false;
        if (reserve != null && available() < NEED + SLACK) {
            letGo();
        }
    }

    /**
     * Called every few milliseconds while a statement runs, from the thread waiting for it:
     * once the heap is past half full, the extra block is taken while there is still room for it.
     * Allocation-free but for the block.
     */
    static void whileStatementRuns() {
        long free = available();
        whileStatementRuns(MAX - free, free);
    }

    /** {@link #whileStatementRuns()} for a heap with {@code used} and {@code free} bytes (tests give both). */
    static void whileStatementRuns(long used, long free) {
        if (extra == null && reserve != null && used > MAX / 2 && free > NEED + SLACK) {
            try {
                extra = new byte[(int) EXTRA_SIZE];
            } catch (OutOfMemoryError e) {
                // the statement took the room first
            }
        }
    }

    private static void letGo() {
        reserve = null;
        extra = null;
    }

    /**
     * Lets the answer block go, for a second try at a reply that ran out of heap; false when it
     * was gone already. Allocation-free.
     */
    public static boolean spendAnswerBlock() {
        if (answerBlock == null || statementRunning) { // a filling statement would take it too
            return false;
        }
        answerBlock = null;
        return true;
    }

    /**
     * The wire ran out of heap (JeroMQ's I/O thread, or reading a request): both blocks may go,
     * as for {@link #releaseIf} and {@link #spendAnswerBlock}, so that the message can still pass.
     */
    public static void wireFailed(Throwable failure) {
        releaseIf(failure);
        if (outOfMemory(failure) != null) {
            spendAnswerBlock();
        }
    }

    /**
     * Lets the block go if {@code failure} is (or was caused by) running out of heap, unless a
     * statement is running: a cell that fills the heap in a loop would take the block too, and
     * then nothing was left for the kernel when it ended (the heap 238 of 247 MB used, every
     * allocation a full collection). That statement's end lets it go instead.
     */
    public static void releaseIf(Throwable failure) {
        if (!statementRunning && outOfMemory(failure) != null) {
            letGo();
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
     * Whether the heap has room for javac and the next statement: cheap while it clearly has
     * (garbage counts as used); near full, one full collection and a trial allocation decide.
     * Room means the block is held as well: a statement runs only with it in hand, since one that
     * fills the heap takes whatever is free (a statement got to run with the block let go and 16 MB
     * free, filled them, and the kernel had nothing left to answer with). Without room the block
     * is let go, for the answers.
     */
    public static synchronized boolean room() {
        if (reserve != null && available() >= NEED + SLACK) {
            retakeAnswerBlock();
            if (MAX - available() < MAX / 4) {
                extra = null; // the heap is small again: so is the footprint
            }
            return true;
        }
        System.gc(); // only near a full heap: what the last cell dropped must count as free
        if (reserve == null && fits(NEED + SIZE)) {
            try {
                reserve = new byte[(int) SIZE];
            } catch (OutOfMemoryError e) {
                // another thread took the room meanwhile: no room
            }
        }
        if (reserve != null && fits(NEED)) {
            retakeAnswerBlock();
            return true;
        }
        letGo();
        return false;
    }

    /** Takes the answer block back once there is room again (a cell freed the heap). */
    private static void retakeAnswerBlock() {
        if (answerBlock == null) {
            try {
                answerBlock = new byte[ANSWER_SIZE];
            } catch (OutOfMemoryError e) {
                // the next room() tries again
            }
        }
    }

    /**
     * Whether {@code bytes} can really be allocated. The heap's own count of free bytes is not
     * enough (see {@link #SLACK}): counted in, it let javac start on a heap that was in truth
     * full; javac ran out, and the kernel's answer to the cell after it (JDK 25, -Xmx256m).
     */
    private static boolean fits(long bytes) {
        try {
            trial = new byte[(int) bytes]; // kept in a field so the JIT cannot drop the allocation
            return true;
        } catch (OutOfMemoryError e) {
            return false;
        } finally {
            trial = null;
        }
    }

    /** Whether the block is held (for tests). */
    static boolean held() {
        return reserve != null;
    }

    /** Whether the extra block is held (for tests). */
    static boolean extraHeld() {
        return extra != null;
    }

    /** Whether the answer block is held (for tests). */
    static boolean answerBlockHeld() {
        return answerBlock != null;
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

    /** What a heap kept full means and how to free it: the message of every heap-full error. */
    public static String fullMessage() {
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

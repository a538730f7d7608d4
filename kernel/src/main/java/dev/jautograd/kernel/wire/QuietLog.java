package dev.jautograd.kernel.wire;

import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logging that cannot fail. With the heap full, formatting a stack trace throws OutOfMemoryError
 * again; thrown from a catch block, that second error skipped the reply the client was owed (a
 * cell then waited forever). So the kernel's failure paths reply first and log through here.
 * The message is put together inside, where a failure is caught; no lambda is passed in, as
 * linking one the first time spins a class, which itself ran out of heap and ended the shell
 * thread (JDK 25, -Xmx256m).
 */
public final class QuietLog {
    private QuietLog() {
    }

    /**
     * Loads this class: done at start-up, as loading it where it is needed, under a full heap,
     * failed and ended the shell thread.
     */
    public static void load() {
        // the call is the work
    }

    /** Logs {@code failure} at SEVERE with the message {@code what}. */
    public static void severe(Logger log, String what, Throwable failure) {
        severe(log, what, null, failure);
    }

    /** Logs {@code failure} at SEVERE with the message {@code what}, then {@code about} if not null. */
    public static void severe(Logger log, String what, String about, Throwable failure) {
        try {
            log.log(Level.SEVERE, about == null ? what : what + " " + about, failure);
        } catch (Throwable loggingFailed) {
            shortLine(what);
        }
    }

    /**
     * When the log record could not be made, at least a line: a failure that left no trace at all
     * cost hours to find (a request lost while the heap was full, and an empty log). Bytes made at
     * start-up, and a PrintStream writing a short string through its own buffers, need no heap.
     * The line does not guess why: a full heap is the usual cause, but a security manager a cell
     * had installed (JDK 17) failed the record too, and the line then blamed the heap.
     */
    private static void shortLine(String what) {
        try {
            System.err.write(NOT_LOGGED, 0, NOT_LOGGED.length);
            System.err.println(what);
        } catch (Throwable ignored) {
            // nothing left to tell it with
        }
    }

    private static final byte[] NOT_LOGGED = "SEVERE (its stack trace could not be logged): ".getBytes(StandardCharsets.US_ASCII);
}

package dev.jautograd.kernel.wire;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class QuietLogTest {
    /** A log handler that fails as one does when the heap is full. */
    private static final class FailingHandler extends Handler {
        @Override
        public void publish(LogRecord record) {
            throw new OutOfMemoryError("Java heap space");
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private static final class KeepingHandler extends Handler {
        final List<LogRecord> records = new ArrayList<>();

        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private static Logger loggerWith(Handler handler) {
        var log = Logger.getAnonymousLogger();
        log.setUseParentHandlers(false);
        log.addHandler(handler);
        return log;
    }

    @Test
    void aLoggerThatRunsOutOfHeapDoesNotEndTheCaller() {
        var log = loggerWith(new FailingHandler());
        assertDoesNotThrow(() -> QuietLog.severe(log, "Handler failed for", "execute_request", new OutOfMemoryError()));
        assertDoesNotThrow(() -> QuietLog.severe(log, "Message on SHELL failed", new OutOfMemoryError()));
    }

    @Test
    void aRecordThatCouldNotBeLoggedStillLeavesALineOnStderr() {
        var log = loggerWith(new FailingHandler());
        var captured = new ByteArrayOutputStream();
        var stderr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            QuietLog.severe(log, "JeroMQ's iothread-2 failed; it goes on", new OutOfMemoryError());
        } finally {
            System.setErr(stderr);
        }
        assertEquals("SEVERE (its stack trace could not be logged): JeroMQ's iothread-2 failed; it goes on",
                captured.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void theMessageIsWhatThenAbout() {
        var kept = new KeepingHandler();
        var log = loggerWith(kept);
        var failure = new IllegalStateException("boom");
        QuietLog.severe(log, "Handler failed for", "execute_request", failure);
        QuietLog.severe(log, "A cell failed in the kernel", failure);
        assertEquals("Handler failed for execute_request", kept.records.get(0).getMessage());
        assertEquals("A cell failed in the kernel", kept.records.get(1).getMessage());
        assertEquals(failure, kept.records.get(1).getThrown());
    }
}

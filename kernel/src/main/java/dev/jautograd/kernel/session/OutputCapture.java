package dev.jautograd.kernel.session;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * System.out and System.err for code running in the kernel's JVM, published as Jupyter
 * {@code stream} messages.
 *
 * <p>Both streams share one buffer and flush whenever the writer switches between them, so
 * interleaved out/err text arrives in the order it was written. A flush also happens 200 ms
 * after the first pending write, so a long cell's prints show up while it runs, and the
 * kernel flushes before it publishes a result or an error.
 */
public final class OutputCapture {
    /** Receives text per stream name ({@code stdout} or {@code stderr}). */
    @FunctionalInterface
    public interface Sink {
        void write(String stream, String text);
    }

    /** ipykernel's IOPub flush interval: fewer, larger messages; prints still show while a cell runs. */
    private static final long FLUSH_DELAY_MS = 200;
    private static final int FLUSH_SIZE = 64 * 1024;
    /**
     * Per cell. A runaway print loop would otherwise send the browser hundreds of MB (the classic
     * notebook server's own IOPub guard is 1 MB/s); past this, text is dropped with one note.
     */
    public static final long CELL_OUTPUT_LIMIT = 1 << 20;

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final ScheduledThreadPoolExecutor timer = flushTimer();
    private final PrintStream out = stream("stdout");
    private final PrintStream err = stream("stderr");
    private final Sink fallback;
    private Sink sink;
    private String pendingStream;
    private long cellBytes;
    private boolean truncated;

    /** {@code fallback} receives text written while no cell is running (e.g. background threads). */
    public OutputCapture(Sink fallback) {
        this.fallback = fallback;
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    /** Sends pending text to the old sink, then routes new text to {@code next} (null: fallback). */
    public synchronized void redirect(Sink next) {
        flushAll();
        sink = next;
        cellBytes = 0;
        truncated = false;
    }

    /**
     * Sends what is pending up to the last whole UTF-8 character: a character whose bytes arrive
     * in two writes (Files.copy's 8 KB blocks) would otherwise show as two U+FFFD.
     */
    public synchronized void flush() {
        send(false);
    }

    /** Sends everything pending, a cut character included (its stream is switching or ending). */
    private void flushAll() {
        send(true);
    }

    private void send(boolean all) {
        if (pending.size() == 0) {
            return;
        }
        byte[] bytes = pending.toByteArray();
        int end = all ? bytes.length : wholeCharacters(bytes);
        if (end == 0) {
            return;
        }
        pending.reset();
        pending.write(bytes, end, bytes.length - end);
        if (pending.size() > 0) {
            timer.schedule(this::flush, FLUSH_DELAY_MS, TimeUnit.MILLISECONDS); // the cut character's rest is due
        }
        (sink != null ? sink : fallback).write(pendingStream, new String(bytes, 0, end, StandardCharsets.UTF_8));
    }

    /** The length of {@code bytes} without a multi-byte character cut off at its end. */
    static int wholeCharacters(byte[] bytes) {
        int start = bytes.length - 1;
        while (start >= 0 && bytes.length - start < 4 && (bytes[start] & 0xC0) == 0x80) {
            start--; // continuation bytes 10xxxxxx: back to the lead byte
        }
        if (start < 0) {
            return bytes.length;
        }
        int lead = bytes[start] & 0xFF;
        int size = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return bytes.length - start < size ? start : bytes.length;
    }

    private synchronized void append(String stream, byte[] bytes, int off, int len) {
        if (truncated) {
            return;
        }
        cellBytes += len;
        if (cellBytes > CELL_OUTPUT_LIMIT) {
            truncate();
            return;
        }
        if (!stream.equals(pendingStream)) {
            flushAll();
            pendingStream = stream;
        }
        if (pending.size() == 0) {
            timer.schedule(this::flush, FLUSH_DELAY_MS, TimeUnit.MILLISECONDS);
        }
        pending.write(bytes, off, len);
        if (pending.size() >= FLUSH_SIZE) {
            flush();
        }
    }

    private void truncate() {
        truncated = true;
        flushAll();
        pendingStream = "stderr";
        byte[] note = ("\n[output truncated: this cell printed more than " + (CELL_OUTPUT_LIMIT >> 20)
                + " MB; further output of this cell is dropped, the cell keeps running]\n").getBytes(StandardCharsets.UTF_8);
        pending.write(note, 0, note.length);
        flush();
    }

    /**
     * The flush thread must not be born inside a cell: JShell's local engine waits, after each
     * snippet, for every thread of the snippet's thread group, and a thread created lazily by the
     * first print would join that group and never end. So it is started now, in this group.
     */
    private static ScheduledThreadPoolExecutor flushTimer() {
        var group = Thread.currentThread().getThreadGroup();
        var timer = new ScheduledThreadPoolExecutor(1, r -> {
            var t = new Thread(group, r, "output-flush");
            t.setDaemon(true);
            return t;
        });
        timer.prestartCoreThread();
        return timer;
    }

    private PrintStream stream(String name) {
        var sinkStream = new OutputStream() {
            @Override
            public void write(int b) {
                append(name, new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                append(name, b, off, len);
            }
        };
        return new PrintStream(sinkStream, true, StandardCharsets.UTF_8);
    }
}

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

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final ScheduledThreadPoolExecutor timer = flushTimer();
    private final PrintStream out = stream("stdout");
    private final PrintStream err = stream("stderr");
    private final Sink fallback;
    private Sink sink;
    private String pendingStream;

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
        flush();
        sink = next;
    }

    public synchronized void flush() {
        if (pending.size() == 0) {
            return;
        }
        String text = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        (sink != null ? sink : fallback).write(pendingStream, text);
    }

    private synchronized void append(String stream, byte[] bytes, int off, int len) {
        if (!stream.equals(pendingStream)) {
            flush();
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

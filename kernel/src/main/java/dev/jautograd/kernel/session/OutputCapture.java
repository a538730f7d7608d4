package dev.jautograd.kernel.session;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
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
 *
 * <p>Threads a cell starts write to that cell while its output is open, as ipykernel does. A
 * thread belongs to the cell whose thread created it ({@link #enterCell}, inherited by every
 * thread made from there). Text it writes after its cell has ended goes to the cell running
 * then, under a line naming the thread and its cell; written while no cell runs, it goes to the
 * kernel's log and is held for the next cell. So background output is never lost and never
 * lands in another cell unmarked.
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
    /** The cell each thread belongs to: set by the cell's own thread, inherited by the threads it makes. */
    private final InheritableThreadLocal<Cell> owner = new InheritableThreadLocal<>();
    private final LateOutput late = new LateOutput();
    private long cells;
    private Cell open;
    private Sink sink;
    private String pendingStream;
    private Source pendingSource;
    private long cellBytes;
    private boolean truncated;

    /** One run of a cell; {@code number} is the execution count the notebook shows. */
    private record Cell(long serial, int number) { }

    /** Who wrote pending text: a thread of an ended cell ({@code cell} 0 when it has none). */
    private record Source(String thread, int cell) {
        String label() {
            return cell > 0
                    ? "[thread \"" + thread + "\" of cell " + cell + ", written after that cell had ended:]\n"
                    : "[thread \"" + thread + "\", written while no cell was running:]\n";
        }
    }

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

    /**
     * A cell starts: its output goes to {@code next}, first what background threads wrote while
     * no cell ran. {@code number} names the cell in notes on late output.
     */
    public synchronized void open(Sink next, int number) {
        flushAll();
        open = new Cell(++cells, number);
        sink = next;
        cellBytes = 0;
        truncated = false;
        late.deliverHeld(next);
    }

    /** The cell has ended: pending text goes to it; later text is late. */
    public synchronized void close() {
        flushAll();
        open = null;
        sink = null;
        late.ownTextSent();
    }

    /** The calling thread, and every thread it creates from now on, belongs to the open cell. */
    public synchronized void enterCell() {
        owner.set(open);
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
        String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
        if (pendingSource == null) {
            late.ownTextSent();
            (sink != null ? sink : fallback).write(pendingStream, text);
        } else if (sink != null) {
            late.sendMarked(sink, pendingStream, pendingSource.label(), text);
        } else {
            fallback.write(pendingStream, text);
            late.hold(pendingStream, pendingSource.label(), text);
        }
    }

    /**
     * Null when the calling thread writes for the open cell: it belongs to it, or to no cell (a
     * kernel thread, the common pool's workers, which serve whichever cell runs).
     */
    private Source sourceOfWriter() {
        var thread = Thread.currentThread();
        boolean shared = thread instanceof ForkJoinWorkerThread worker && worker.getPool() == ForkJoinPool.commonPool();
        Cell cell = shared ? null : owner.get();
        if (open != null && (cell == null || cell.equals(open))) {
            return null;
        }
        return new Source(thread.getName(), cell == null ? 0 : cell.number());
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
        var source = sourceOfWriter();
        if (!stream.equals(pendingStream) || !Objects.equals(source, pendingSource)) {
            flushAll();
            pendingStream = stream;
            pendingSource = source;
        }
        if (pending.size() == 0) {
            timer.schedule(this::flush, FLUSH_DELAY_MS, TimeUnit.MILLISECONDS);
        }
        pending.write(bytes, off, len);
        // Between cells nothing batches: a shutdown hook's last words must reach the log.
        if (pending.size() >= FLUSH_SIZE || sink == null) {
            flush();
        }
    }

    private void truncate() {
        truncated = true;
        flushAll();
        pendingStream = "stderr";
        pendingSource = null;
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
        return new KernelStream(sinkStream);
    }

    /**
     * A stream every cell shares, so a cell cannot close it: {@code close()} only flushes. Closed,
     * a PrintStream drops all later writes in silence, and code that ends by closing a
     * {@code PrintWriter} over System.out (as competitive-programming code does) silenced every
     * later cell's prints.
     */
    private static final class KernelStream extends PrintStream {
        KernelStream(OutputStream sink) {
            super(sink, true, StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            flush();
        }
    }
}

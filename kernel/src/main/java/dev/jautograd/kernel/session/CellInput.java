package dev.jautograd.kernel.session;

import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code System.in} for cells: each read that finds no buffered text asks the front end for one
 * line (Jupyter's {@code input_request}), as Python's {@code input()} does in ipykernel.
 *
 * <p>A cell whose client did not allow stdin ({@code allow_stdin: false}, e.g. nbconvert) reads
 * end of input, with one note on stderr so an empty {@code Scanner} is not a mystery. An
 * interrupt cancels a pending request; the read then throws, and the cell ends as interrupted.
 */
public final class CellInput extends InputStream {
    /** Asks for one line; returns null when cancelled or the kernel is closing. */
    @FunctionalInterface
    public interface LineSource {
        String requestLine(String prompt, CellInput cancellation);
    }

    private final PrintStream notes;
    private volatile LineSource source;
    private volatile boolean cancelled;
    private boolean noted;
    private byte[] buffer = new byte[0];
    private int position;

    /** {@code notes} receives the "no stdin" note (the cell's stderr). */
    public CellInput(PrintStream notes) {
        this.notes = notes;
    }

    /** Called before each cell: {@code lines} is null when the client does not allow stdin. */
    public synchronized void attach(LineSource lines) {
        source = lines;
        cancelled = false;
        noted = false;
        buffer = new byte[0];
        position = 0;
    }

    /** Cancels a pending request; safe from any thread. */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public synchronized int read() throws InterruptedIOException {
        if (!fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    /** Returns the buffered line at once rather than asking again to fill {@code len} bytes. */
    @Override
    public synchronized int read(byte[] b, int off, int len) throws InterruptedIOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, buffer.length - position);
        System.arraycopy(buffer, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public synchronized int available() {
        return buffer.length - position;
    }

    private boolean fill() throws InterruptedIOException {
        if (position < buffer.length) {
            return true;
        }
        var lines = source;
        if (lines == null) {
            if (!noted) {
                noted = true;
                notes.println("[stdin: this client does not allow input (allow_stdin is false); "
                        + "System.in reads end of input]");
            }
            return false;
        }
        String line = cancelled ? null : lines.requestLine("", this);
        if (line == null) {
            throw new InterruptedIOException("input request cancelled by interrupt");
        }
        // input() drops the newline; Java readers expect one to end the line.
        buffer = (line + "\n").getBytes(StandardCharsets.UTF_8);
        position = 0;
        return true;
    }
}

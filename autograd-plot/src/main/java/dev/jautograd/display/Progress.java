package dev.jautograd.display;

import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;

/**
 * A progress bar for loops, as tqdm: {@code for (int step : progress(200))}. It shows one output
 * and replaces it in place at most {@link #REFRESH_NANOS} apart, so a fast loop pays a counter
 * and a clock read per step (benchmarks/ measures it) and the notebook gets ~10 messages a
 * second, not one per step. When the loop ends the bar is drawn once more, in its final state,
 * which is what a saved or converted notebook keeps.
 *
 * @param <T> the items iterated
 */
public final class Progress<T> implements Iterable<T>, AutoCloseable {
    /** tqdm.notebook's default refresh interval (mininterval 0.1 s). */
    static final long REFRESH_NANOS = 100_000_000L;

    private final Iterable<T> items;
    private final long total;
    private final Clock clock;
    private final Map<String, String> postfix = new LinkedHashMap<>();
    private String description = "";
    private DisplayHandle handle;
    /** No kernel shows displays: the bar is one redrawn line on stderr, as tqdm in a terminal. */
    private boolean console;
    private boolean started;
    private long count;
    private long startNanos;
    private long nextRefresh;
    private boolean closed;
    private Iterator<T> iterator;

    /** The time source, so tests can drive the throttle without sleeping. */
    interface Clock {
        long nanoTime();
    }

    Progress(Iterable<T> items, long total, Clock clock) {
        this.items = items;
        this.total = total;
        this.clock = clock;
    }

    /** {@code for (int step : progress(200))}: steps 0 to n-1. */
    public static Progress<Integer> progress(int n) {
        return new Progress<>(() -> IntStream.range(0, n).iterator(), n, System::nanoTime);
    }

    /** Any iterable; its size is known (and the bar shows a percentage and ETA) for a collection. */
    public static <T> Progress<T> progress(Iterable<T> items) {
        long total = items instanceof Collection<?> c ? c.size() : -1;
        return new Progress<>(items, total, System::nanoTime);
    }

    /** An iterable whose length the caller knows. */
    public static <T> Progress<T> progress(Iterable<T> items, long total) {
        return new Progress<>(items, total, System::nanoTime);
    }

    /** A label shown before the bar, as tqdm's {@code desc}. */
    public Progress<T> desc(String text) {
        description = text;
        return this;
    }

    /** Sets a value shown after the rate ({@code loss=0.413}), as tqdm's {@code set_postfix}. */
    public Progress<T> set(String key, Object value) {
        postfix.put(key, value instanceof Number n ? ProgressText.number(n) : String.valueOf(value));
        return this;
    }

    @Override
    public Iterator<T> iterator() {
        if (iterator != null) {
            throw new IllegalStateException("a progress bar can be iterated once; make a new one for another loop");
        }
        iterator = new Stepper(items.iterator());
        start();
        return iterator;
    }

    /** For loops that are not a for-each: counts {@code n} more steps. */
    public void update(long n) {
        if (!started) {
            start();
        }
        count += n;
        long now = clock.nanoTime();
        if (now >= nextRefresh) {
            refresh(now);
        }
    }

    /** Draws the final state; a for-each loop that runs to its end does it by itself. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!started) {
            start();
        }
        refresh(clock.nanoTime());
    }

    /** The bar as text now, as tqdm prints it. */
    public String text() {
        // Before its loop starts the bar has no start time: 00:00, as tqdm shows a bar just made
        // (the JVM's clock counts from boot: the raw difference showed "57:45" in a fresh kernel).
        long elapsed = started ? clock.nanoTime() - startNanos : 0;
        return ProgressText.line(description, count, total, elapsed, postfix);
    }

    private void start() {
        started = true;
        startNanos = clock.nanoTime();
        nextRefresh = startNanos + REFRESH_NANOS;
        if (Display.isRich()) {
            handle = Display.show(snapshot());
        } else {
            console = true;
            System.err.print("\r" + text());
        }
    }

    private void refresh(long now) {
        nextRefresh = now + REFRESH_NANOS;
        if (console) {
            System.err.print("\r" + text() + (closed ? "\n" : ""));
        } else {
            handle.update(snapshot());
        }
    }

    private Media snapshot() {
        long elapsed = clock.nanoTime() - startNanos;
        String line = ProgressText.line(description, count, total, elapsed, postfix);
        return new Media("text/html", ProgressText.html(description, count, total, elapsed, postfix), line);
    }

    @Override
    public String toString() {
        return text();
    }

    private final class Stepper implements Iterator<T> {
        private final Iterator<T> inner;
        /** An item was handed out and not yet counted: a step counts once the loop asks for more. */
        private boolean pending;

        Stepper(Iterator<T> inner) {
            this.inner = inner;
        }

        @Override
        public boolean hasNext() {
            boolean more = inner.hasNext();
            if (!more) {
                if (pending) {
                    pending = false;
                    count++;
                }
                close();
            }
            return more;
        }

        @Override
        public T next() {
            if (!inner.hasNext()) {
                throw new NoSuchElementException();
            }
            if (pending) {
                update(1);
            }
            pending = true;
            return inner.next();
        }
    }
}

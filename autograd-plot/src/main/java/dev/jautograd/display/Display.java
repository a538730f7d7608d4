package dev.jautograd.display;

import java.util.UUID;

/**
 * The display API for library code: show a value, later replace it in place, clear the output.
 * The Jupyter kernel installs a {@link Sink} that turns these calls into {@code display_data},
 * {@code update_display_data} and {@code clear_output}; without one (plain Java, JShell, tests)
 * values are printed as text. So a library (a training loop, a plot) shows pictures in a notebook
 * without depending on the kernel.
 */
public final class Display {
    /** Where displays go; the kernel's implementation renders values through its registry. */
    public interface Sink {
        /** Shows a new output; {@code displayId} names it for later updates. */
        void show(Object value, String displayId);

        /** Replaces every output shown under {@code displayId}. */
        void update(Object value, String displayId);

        void clearOutput(boolean wait);

        /** False while nothing would show a rich output (no cell running): then text is printed. */
        default boolean isRich() {
            return true;
        }
    }

    private static volatile Sink sink;

    private Display() {
    }

    /** Shows {@code value} now and returns a handle that can replace it in place. */
    public static DisplayHandle show(Object value) {
        var handle = new DisplayHandle(UUID.randomUUID().toString());
        handle.display(value);
        return handle;
    }

    /** {@code wait}: clear only when the next output arrives, which avoids flicker in loops. */
    public static void clearOutput(boolean wait) {
        var current = sink;
        if (current != null) {
            current.clearOutput(wait);
        }
    }

    /** The kernel calls this once at startup; {@code null} goes back to printing text. */
    public static void install(Sink next) {
        sink = next;
    }

    /** True when a kernel shows displays (rich output), false when they are printed as text. */
    public static boolean isRich() {
        var current = sink;
        return current != null && current.isRich();
    }

    static void show(Object value, String displayId) {
        var current = sink;
        if (current != null) {
            current.show(value, displayId);
        } else {
            System.out.println(plainText(value));
        }
    }

    static void update(Object value, String displayId) {
        var current = sink;
        if (current != null) {
            current.update(value, displayId);
        } else {
            System.out.println(plainText(value));
        }
    }

    /** What a console shows for a value: a rich value's {@code text/plain}, else its string. */
    public static String plainText(Object value) {
        if (value instanceof RichOutput rich) {
            return rich.mimeBundle().getOrDefault("text/plain", String.valueOf(value));
        }
        return String.valueOf(value);
    }
}

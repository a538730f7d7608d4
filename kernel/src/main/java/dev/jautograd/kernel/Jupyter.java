package dev.jautograd.kernel;

import dev.jautograd.display.Display;
import dev.jautograd.display.DisplayHandle;
import dev.jautograd.display.Media;
import dev.jautograd.display.Progress;
import dev.jautograd.kernel.display.DisplayRegistry;
import dev.jautograd.kernel.display.MimeBundle;

/**
 * What a cell can ask of the notebook, imported statically at startup: {@code display(x)} shows
 * a value as a rich output now and returns a handle to replace it in place (like IPython's
 * {@code display(x, display_id=True)}), {@code clearOutput()} clears the cell's output,
 * {@code html(...)}, {@code markdown(...)}, {@code latex(...)}, {@code svg(...)}, {@code png(...)}
 * and {@code jpeg(...)} wrap content of one type, and {@code progress(n)} is a progress bar.
 *
 * <p>Library code reaches the same outputs through {@link Display}, which this class plugs into:
 * the library needs no kernel type.
 */
public final class Jupyter {
    /** Where displays go while a cell runs; set by the kernel for the duration of each cell. */
    interface Target {
        void display(MimeBundle bundle, String displayId);

        void update(MimeBundle bundle, String displayId);

        void clearOutput(boolean wait);
    }

    private static volatile Target target;
    private static final DisplayRegistry REGISTRY = DisplayRegistry.withDefaults();

    static {
        Display.install(new Display.Sink() {
            @Override
            public void show(Object value, String displayId) {
                var current = target;
                if (current != null) {
                    current.display(render(value), displayId);
                } else {
                    System.out.println(render(value).plainText()); // outside a kernel (tests, plain JShell)
                }
            }

            @Override
            public void update(Object value, String displayId) {
                var current = target;
                if (current != null) {
                    current.update(render(value), displayId);
                }
            }

            @Override
            public void clearOutput(boolean wait) {
                var current = target;
                if (current != null) {
                    current.clearOutput(wait);
                }
            }

            @Override
            public boolean isRich() {
                return target != null;
            }
        });
    }

    private Jupyter() {
    }

    /** Shows {@code value} now; the handle's {@code update(x)} replaces it in place. */
    public static DisplayHandle display(Object value) {
        return Display.show(value);
    }

    public static void clearOutput() {
        clearOutput(false);
    }

    /** {@code wait}: clear only when the next output arrives, which avoids flicker in loops. */
    public static void clearOutput(boolean wait) {
        Display.clearOutput(wait);
    }

    public static Media html(String html) {
        return Media.html(html);
    }

    public static Media markdown(String markdown) {
        return Media.markdown(markdown);
    }

    public static Media latex(String latex) {
        return Media.latex(latex);
    }

    public static Media svg(String svg) {
        return Media.svg(svg);
    }

    public static Media png(byte[] bytes) {
        return Media.png(bytes);
    }

    public static Media jpeg(byte[] bytes) {
        return Media.jpeg(bytes);
    }

    /** {@code for (int step : progress(200))}: a progress bar over steps 0 to n-1. */
    public static Progress<Integer> progress(int n) {
        return Progress.progress(n);
    }

    public static <T> Progress<T> progress(Iterable<T> items) {
        return Progress.progress(items);
    }

    /** The registry renderers add themselves to; shared by {@code display} and cell results. */
    public static DisplayRegistry registry() {
        return REGISTRY;
    }

    static void attach(Target next) {
        target = next;
    }

    private static MimeBundle render(Object value) {
        return REGISTRY.render(value, String.valueOf(value));
    }
}

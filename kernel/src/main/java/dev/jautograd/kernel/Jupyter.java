package dev.jautograd.kernel;

import dev.jautograd.kernel.display.DisplayRegistry;
import dev.jautograd.kernel.display.MimeBundle;

/**
 * What a cell can ask of the notebook, imported statically at startup: {@code display(x)} shows
 * a value as a rich output now (like IPython's {@code display}), {@code clearOutput()} clears
 * the cell's output.
 */
public final class Jupyter {
    /** Where displays go while a cell runs; set by the kernel for the duration of each cell. */
    interface Target {
        void display(MimeBundle bundle);

        void clearOutput(boolean wait);
    }

    private static volatile Target target;
    private static final DisplayRegistry REGISTRY = DisplayRegistry.withDefaults();

    private Jupyter() {
    }

    public static void display(Object value) {
        var bundle = REGISTRY.render(value, String.valueOf(value));
        var current = target;
        if (current != null) {
            current.display(bundle);
        } else {
            System.out.println(bundle.plainText()); // outside a kernel (tests, plain JShell)
        }
    }

    public static void clearOutput() {
        clearOutput(false);
    }

    /** {@code wait}: clear only when the next output arrives, which avoids flicker in loops. */
    public static void clearOutput(boolean wait) {
        var current = target;
        if (current != null) {
            current.clearOutput(wait);
        }
    }

    /** The registry renderers add themselves to; shared by {@code display} and cell results. */
    public static DisplayRegistry registry() {
        return REGISTRY;
    }

    static void attach(Target next) {
        target = next;
    }
}

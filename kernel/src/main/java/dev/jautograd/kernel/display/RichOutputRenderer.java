package dev.jautograd.kernel.display;

import dev.jautograd.display.DisplayHandle;
import dev.jautograd.display.RichOutput;

/**
 * Values that know their own MIME bundle (plots, progress bars, {@code html(...)}) show it as it
 * is; values that stand for output already shown (a display handle, a print stream) show nothing.
 */
final class RichOutputRenderer {
    private RichOutputRenderer() {
    }

    static void register(DisplayRegistry registry) {
        registry.register(RichOutput.class, (value, shellText) -> new MimeBundle(value.mimeBundle()));
        // display(x) returns its handle, as IPython's display(x, display_id=True) does; a cell
        // that ends with display(x) has shown x already, so the handle itself shows nothing.
        registry.register(DisplayHandle.class, (value, shellText) -> MimeBundle.NONE);
        // printf returns its stream: a cell ending in System.out.printf(...) has printed already,
        // and "java.io.PrintStream@2eee3755" under it is noise.
        registry.register(java.io.PrintStream.class, (value, shellText) -> MimeBundle.NONE);
    }
}

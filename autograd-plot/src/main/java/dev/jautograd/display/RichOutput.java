package dev.jautograd.display;

import java.util.Map;

/**
 * A value that knows how it looks: a plot, a progress bar, a piece of HTML. The kernel shows it
 * through this bundle; a console shows its {@code text/plain}.
 */
public interface RichOutput {
    /**
     * MIME type to content, {@code text/plain} first and always present. Text types are text;
     * binary types ({@code image/png}) are base64, as Jupyter's messages carry them.
     */
    Map<String, String> mimeBundle();
}

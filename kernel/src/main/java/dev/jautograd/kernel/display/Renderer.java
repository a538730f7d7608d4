package dev.jautograd.kernel.display;

/**
 * Renders one kind of value into a MIME bundle. Pure: no I/O, no kernel state, so each renderer
 * is testable on its own.
 *
 * @param <T> the values this renderer understands
 */
@FunctionalInterface
public interface Renderer<T> {
    /**
     * @param value     the object the cell produced (never null here)
     * @param shellText JShell's own text for it, the {@code text/plain} a renderer should keep
     *                  unless it knows better
     */
    MimeBundle render(T value, String shellText);
}

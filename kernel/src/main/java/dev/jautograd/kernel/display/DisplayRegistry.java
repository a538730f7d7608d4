package dev.jautograd.kernel.display;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses a renderer by the value's type: the most specific registered class or interface wins
 * (the class chain first, then its interfaces), else plain text as JShell shows it.
 *
 * <p>Renderers for other value types (e.g. a computation-graph view) register here; the kernel
 * needs no change to show them.
 */
public final class DisplayRegistry {
    private final Map<Class<?>, Renderer<?>> renderers = new LinkedHashMap<>();

    /** A registry that knows the autograd types ({@code Tensor}). */
    public static DisplayRegistry withDefaults() {
        var registry = new DisplayRegistry();
        TensorRenderer.register(registry);
        RichOutputRenderer.register(registry);
        return registry;
    }

    public synchronized <T> DisplayRegistry register(Class<T> type, Renderer<? super T> renderer) {
        renderers.put(type, renderer);
        return this;
    }

    /**
     * Renders a cell's value; {@code shellText} is JShell's text for it ({@code "null"} for null).
     * Only the lookup holds the registry's lock, not the rendering: a slow render (the background
     * warm-up's first plot, a large tensor's repr) made every other render wait for it, the first
     * cell's {@code 1+1} included (its result 0.6 s late).
     */
    public MimeBundle render(Object value, String shellText) {
        if (value == null) {
            return MimeBundle.plain(shellText == null ? "null" : shellText);
        }
        var renderer = rendererFor(value.getClass());
        if (renderer != null) {
            return renderWith(renderer, value, shellText);
        }
        return MimeBundle.plain(shellText != null ? shellText : String.valueOf(value));
    }

    private synchronized Renderer<?> rendererFor(Class<?> type) {
        for (var candidate : lookupOrder(type)) {
            var renderer = renderers.get(candidate);
            if (renderer != null) {
                return renderer;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static MimeBundle renderWith(Renderer<?> renderer, Object value, String shellText) {
        // Safe: the renderer was registered for a supertype of value's class.
        return ((Renderer<Object>) renderer).render(value, shellText);
    }

    private static List<Class<?>> lookupOrder(Class<?> type) {
        var order = new ArrayList<Class<?>>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            order.add(c);
        }
        for (int i = 0; i < order.size(); i++) {
            for (var iface : order.get(i).getInterfaces()) {
                if (!order.contains(iface)) {
                    order.add(iface);
                }
            }
        }
        // Object matches everything; it goes last so an interface renderer can win over it.
        if (order.remove(Object.class)) {
            order.add(Object.class);
        }
        return order;
    }
}

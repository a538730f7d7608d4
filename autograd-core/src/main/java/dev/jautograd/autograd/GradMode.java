package dev.jautograd.autograd;

/**
 * Whether operations record the graph, per thread, as PyTorch's grad mode.
 * {@code try (var scope = GradMode.disabled()) { ... }} is {@code with torch.no_grad():}.
 */
public final class GradMode {
    /** A subclass, not {@code withInitial(() -> TRUE)}: no lambda to link on a fresh JVM's first op. */
    private static final ThreadLocal<Boolean> ENABLED = new ThreadLocal<>() {
        @Override
        protected Boolean initialValue() {
            return Boolean.TRUE;
        }
    };

    private GradMode() {}

    public static boolean isEnabled() {
        return ENABLED.get();
    }

    public static Scope disabled() {
        return set(false);
    }

    public static Scope enabled() {
        return set(true);
    }

    /** Sets grad mode until the returned scope is closed, which restores the previous mode. */
    public static Scope set(boolean enabled) {
        boolean previous = ENABLED.get();
        ENABLED.set(enabled);
        return new Scope(previous);
    }

    /** Restores the grad mode that was in force when it was opened; closing twice is harmless. */
    public static final class Scope implements AutoCloseable {
        private final boolean previous;
        private boolean closed;

        private Scope(boolean previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            ENABLED.set(previous);
        }
    }
}

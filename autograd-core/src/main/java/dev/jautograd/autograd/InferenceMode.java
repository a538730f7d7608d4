package dev.jautograd.autograd;

/**
 * PyTorch's inference mode, per thread: grad mode is off and every tensor made inside is an
 * inference tensor, which autograd refuses to save or record later ({@code with torch.inference_mode():}
 * is {@code try (var scope = Torch.inferenceMode()) { ... }}).
 */
public final class InferenceMode {
    private static final ThreadLocal<Boolean> ENABLED = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /** Scopes open on any thread: while none is, every tensor skips the thread-local read. */
    private static final java.util.concurrent.atomic.AtomicInteger OPEN = new java.util.concurrent.atomic.AtomicInteger();

    private InferenceMode() {}

    public static boolean isEnabled() {
        return OPEN.get() > 0 && ENABLED.get();
    }

    /** Inference mode until the scope is closed, which restores both modes. */
    public static Scope enter(boolean enabled) {
        boolean previous = ENABLED.get();
        ENABLED.set(enabled);
        OPEN.incrementAndGet();
        return new Scope(previous, GradMode.set(!enabled && GradMode.isEnabled()));
    }

    /** Restores the modes in force when it was opened; closing twice is harmless. */
    public static final class Scope implements AutoCloseable {
        private final boolean previous;
        private final GradMode.Scope grad;
        private boolean closed;

        private Scope(boolean previous, GradMode.Scope grad) {
            this.previous = previous;
            this.grad = grad;
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            grad.close();
            ENABLED.set(previous);
            OPEN.decrementAndGet();
        }
    }
}

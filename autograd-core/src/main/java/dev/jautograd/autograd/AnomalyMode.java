package dev.jautograd.autograd;

import dev.jautograd.Tensor;

/**
 * PyTorch's anomaly detection ({@code with torch.autograd.detect_anomaly():}): nodes made while it
 * is on remember where the forward call was made, and a backward that fails or returns NaN
 * names its node and prints that place.
 */
public final class AnomalyMode {
    private static volatile boolean enabled;
    /** The library's own frames (user code, nn modules included, stays in the trace). */
    private static final java.util.regex.Pattern LIBRARY =
            java.util.regex.Pattern.compile("dev\\.jautograd\\.((ops|autograd|loops|storage)\\..*|[A-Z][^.]*)");

    private AnomalyMode() {}

    public static boolean isEnabled() {
        return enabled;
    }

    /** Anomaly detection on until the scope is closed. */
    public static Scope enable() {
        System.err.println("UserWarning: Anomaly Detection has been enabled. This mode will increase the runtime and "
                + "should only be enabled for debugging.");
        boolean previous = enabled;
        enabled = true;
        return new Scope(previous);
    }

    /** Runs a node's backward, naming it (and its forward call) when it fails or gives NaN. */
    static Tensor[] run(Node node, Tensor grad, boolean lend) {
        Tensor[] out;
        try {
            out = node.callBackward(grad, lend);
        } catch (RuntimeException e) {
            warn(node);
            throw e;
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] != null && out[i].dtype().isFloatingPoint() && hasNan(out[i])) {
                warn(node);
                throw new IllegalStateException("Function '" + node.name() + "' returned nan values in its " + i
                        + "th output.");
            }
        }
        return out;
    }

    private static boolean hasNan(Tensor t) {
        for (double v : t.toDoubleArray()) if (Double.isNaN(v)) return true;
        return false;
    }

    private static void warn(Node node) {
        var text = new StringBuilder("UserWarning: Error detected in " + node.name()
                + ". Traceback of forward call that caused the error:");
        Throwable trace = node.forwardTrace();
        if (trace != null) {
            for (StackTraceElement frame : trace.getStackTrace()) {
                if (!LIBRARY.matcher(frame.getClassName()).matches()) text.append("\n  at ").append(frame);
            }
        }
        System.err.println(text);
    }

    /** Restores the previous setting; closing twice is harmless. */
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
            enabled = previous;
        }
    }
}

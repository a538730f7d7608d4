package dev.jautograd.autograd;

/**
 * The Java form of a Python keyword that a PyTorch message tells the reader to set. PyTorch's
 * sentence stays word for word (the goldens check it); the hint follows it after {@link #MARK}.
 */
public final class JavaHints {
    /** Separates PyTorch's message from the Java form of its advice. */
    public static final String MARK = "\nIn Java: ";

    static final String RETAIN_GRAPH = MARK + "y.backward(gradient, true) (retainGraph), or retainGraph = true "
            + "in Engine.grad(roots, grads, inputs, retainGraph, createGraph, allowUnused).";
    static final String ALLOW_UNUSED = MARK + "allowUnused = true, the last argument of "
            + "Engine.grad(roots, grads, inputs, retainGraph, createGraph, allowUnused).";

    private JavaHints() {
    }

    /** PyTorch's part of a message, without the Java hint. */
    public static String pytorchPart(String message) {
        int at = message == null ? -1 : message.indexOf(MARK);
        return at < 0 ? message : message.substring(0, at);
    }
}

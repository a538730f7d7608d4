package dev.jautograd.autograd;

import java.util.ArrayList;
import java.util.List;

/**
 * The Java form of a Python keyword that a PyTorch message tells the reader to set. PyTorch's
 * sentence stays word for word (the goldens check it); the hint follows it after {@link #MARK}.
 *
 * <p>Two messages carry their hint in the exception message itself (the second backward, an
 * unused input). For the others, {@link #forMessage} finds the hint from the Python words a
 * message names, so a front end (the Jupyter kernel's traceback) can show it under the message
 * without changing the message.
 */
public final class JavaHints {
    /** Separates PyTorch's message from the Java form of its advice. */
    public static final String MARK = "\nIn Java: ";

    private static final String GRAD_SIGNATURE = "Autograd.grad(outputs, inputs, gradOutputs, retainGraph, createGraph, "
            + "allowUnused)";

    /** A Python phrase a PyTorch message may name, and its Java form. Checked in this order. */
    private record Hint(String python, String java) { }

    private static final List<Hint> HINTS = List.of(
            new Hint("retain_graph=True", "y.backward(gradient, true) (retainGraph), or retainGraph = true in "
                    + GRAD_SIGNATURE + "."),
            new Hint("create_graph=True", "y.backward(gradient, true, true) (retainGraph, createGraph), or "
                    + "createGraph = true in " + GRAD_SIGNATURE + "."),
            new Hint("allow_unused=True", "allowUnused = true, the last argument of " + GRAD_SIGNATURE + "."),
            new Hint("requires_grad=True", "Torch.tensor(data, requiresGrad()) when creating a tensor, or "
                    + "x.requiresGrad_() on a leaf."),
            new Hint("requires_grad=False", "x.requiresGrad() is false; x.requiresGrad_() makes a leaf require grad."),
            new Hint("requires_grad flags", "x.requiresGrad_(flag)."),
            new Hint("retain_grad", "x.retainGrad()."),
            new Hint("set_detect_anomaly(True)", "try (var scope = AnomalyMode.enable()) { ... }."));

    static final String RETAIN_GRAPH = MARK + HINTS.get(0).java();
    static final String ALLOW_UNUSED = MARK + HINTS.get(2).java();

    private JavaHints() {
    }

    /** PyTorch's part of a message, without the Java hint. */
    public static String pytorchPart(String message) {
        int at = message == null ? -1 : message.indexOf(MARK);
        return at < 0 ? message : message.substring(0, at);
    }

    /**
     * The Java form of the Python keywords a message names (several joined by a space), or null
     * when it names none or already carries its hint.
     */
    public static String forMessage(String message) {
        if (message == null || message.contains(MARK)) {
            return null;
        }
        var found = new ArrayList<String>();
        for (var hint : HINTS) {
            if (message.contains(hint.python())) {
                found.add(hint.java());
            }
        }
        return found.isEmpty() ? null : String.join(" ", found);
    }
}

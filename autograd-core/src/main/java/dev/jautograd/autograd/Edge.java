package dev.jautograd.autograd;

/**
 * One entry of {@code grad_fn.next_functions}: the node that receives the gradient of an input,
 * and which of that node's inputs it is. {@code function} is null for an input that needs no
 * gradient, as PyTorch shows {@code (None, 0)}.
 */
public record Edge(Node function, int inputNr) {
    @Override
    public String toString() {
        return "(" + (function == null ? "None" : function.toString()) + ", " + inputNr + ")";
    }
}

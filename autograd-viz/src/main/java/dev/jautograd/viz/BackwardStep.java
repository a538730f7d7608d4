package dev.jautograd.viz;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import java.util.List;

/**
 * One node of a backward pass as the engine ran it.
 *
 * @param number   1 for the first node the engine ran, then in its order
 * @param function the node ({@code grad_fn}), an AccumulateGrad for a leaf
 * @param grad     the gradient that flowed into it (its output's, summed over every use)
 * @param flows    what it sent to each input that wants a gradient, in input order
 */
public record BackwardStep(int number, Node function, Tensor grad, List<Flow> flows) {
    public BackwardStep {
        flows = List.copyOf(flows);
    }

    /**
     * The gradient sent to one input.
     *
     * @param input   the input's position ({@code next_functions} index)
     * @param role    what derivatives.yaml calls the input: {@code self}, {@code other}, else {@code input2}
     * @param formula the op's local derivative ({@link Node#derivativeFormula}), null if it declares none
     * @param grad    the gradient sent, already at the input's shape and dtype
     * @param to      the node it went to: the input's grad_fn, or a leaf's AccumulateGrad
     */
    public record Flow(int input, String role, String formula, Tensor grad, Node to) {
    }

    static String role(int input, int inputs) {
        if (input == 0) return "self";
        return inputs == 2 ? "other" : "input" + input;
    }
}

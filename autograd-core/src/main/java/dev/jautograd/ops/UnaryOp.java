package dev.jautograd.ops;

import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.autograd.GradMode;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;
import dev.jautograd.loops.Elementwise;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;

/**
 * An elementwise function of one tensor, declared as one entry of PyTorch's
 * {@code derivatives.yaml} is: its node name, its forward loop, and its derivative both as
 * tensor ops (so {@code create_graph} records it) and as a formula to show. The declarations
 * live in {@link Pointwise}; this class records the node and runs the formula.
 *
 * <p>The formula's vocabulary is derivatives.yaml's: {@code grad} (the incoming gradient),
 * {@code self} (the input) and {@code result} (the output); the derivative function receives
 * {@code grad} and the one value it saves ({@code self}, {@code result}, or null for neither).
 */
public final class UnaryOp {
    /** Which value the derivative reads: saving only that keeps memory as PyTorch's. */
    enum Saves { NOTHING, SELF, RESULT }

    private final String name;
    private final boolean floating;
    private final DoubleUnaryOperator forward;
    private final Saves saves;
    private final String formula;
    private final BinaryOperator<Tensor> derivative;
    private final Function<DType, DoubleBinaryOperator> fastDerivative;

    private UnaryOp(String name, boolean floating, DoubleUnaryOperator forward, Saves saves, String formula,
                    BinaryOperator<Tensor> derivative, Function<DType, DoubleBinaryOperator> fastDerivative) {
        this.name = name;
        this.floating = floating;
        this.forward = forward;
        this.saves = saves;
        this.formula = formula;
        this.derivative = derivative;
        this.fastDerivative = fastDerivative;
    }

    /** A function whose result is floating: integer inputs compute in the default float dtype (exp, sin, …). */
    static UnaryOp floating(String name, DoubleUnaryOperator forward) {
        return new UnaryOp(name, true, forward, Saves.NOTHING, null, null, null);
    }

    /** A function whose result keeps the input's dtype (neg, abs, relu, sign). */
    static UnaryOp sameType(String name, DoubleUnaryOperator forward) {
        return new UnaryOp(name, false, forward, Saves.NOTHING, null, null, null);
    }

    /** The derivative from {@code grad} alone. */
    UnaryOp grad(String formula, Function<Tensor, Tensor> derivative) {
        return with(Saves.NOTHING, formula, (grad, unused) -> derivative.apply(grad));
    }

    /** The derivative from {@code grad} and the input {@code self}. */
    UnaryOp self(String formula, BinaryOperator<Tensor> derivative) {
        return with(Saves.SELF, formula, derivative);
    }

    /** The derivative from {@code grad} and the output {@code result}, where that is cheaper (exp: grad · result). */
    UnaryOp result(String formula, BinaryOperator<Tensor> derivative) {
        return with(Saves.RESULT, formula, derivative);
    }

    /**
     * A loop for the same derivative outside {@code create_graph}, per element of grad and the
     * saved value in the computing dtype: for a rounding PyTorch's own backward kernel has (a
     * fused multiply-add) that a chain of tensor ops cannot reproduce.
     */
    UnaryOp fast(Function<DType, DoubleBinaryOperator> perElement) {
        return new UnaryOp(name, floating, forward, saves, formula, derivative, perElement);
    }

    private UnaryOp with(Saves saves, String formula, BinaryOperator<Tensor> derivative) {
        return new UnaryOp(name, floating, forward, saves, formula, derivative, fastDerivative);
    }

    /** The forward loop, and the node when grad mode records. */
    public Tensor apply(Tensor input) {
        Tensor out = Elementwise.map(input, floating ? Graph.floatResult(input) : input.dtype(), forward);
        return Graph.records(input) ? Graph.attach(out, new Backward(this, input, out)) : out;
    }

    /** PyTorch's node name, e.g. {@code TanhBackward0}. */
    public String name() {
        return name;
    }

    /** The derivative as written for display, e.g. {@code grad · (1 − result²)}. */
    public String formula() {
        return formula;
    }

    private static final class Backward extends Node {
        private final UnaryOp op;
        private final SavedTensor saved;

        Backward(UnaryOp op, Tensor input, Tensor result) {
            super(op.name, input);
            this.op = op;
            this.saved = switch (op.saves) {
                case SELF -> save(input);
                case RESULT -> saveOutput(result);
                case NOTHING -> null;
            };
        }

        @Override
        protected Tensor[] backward(Tensor grad) {
            Tensor value = saved == null ? null : saved.get();
            if (op.fastDerivative != null && !GradMode.isEnabled()) {
                DType type = Graph.promote(grad, value);
                DoubleBinaryOperator f = op.fastDerivative.apply(type);
                // A gradient nobody else holds takes the result in place; either way the result is new to everyone else.
                Tensor into = isOwned(grad) ? Elementwise.zipInto(grad, value, type, f) : null;
                return new Tensor[] {owned(into != null ? into : Elementwise.zip(grad, value, type, f))};
            }
            return new Tensor[] {op.derivative.apply(grad, value)};
        }

        @Override
        public String derivativeFormula(int input) {
            return input == 0 ? op.formula : null;
        }
    }
}

package dev.jautograd.ops;

import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.loops.Arith;
import dev.jautograd.loops.Elementwise;
import java.util.function.DoubleBinaryOperator;

/** a + b, and {@code torch.add(a, b, alpha=alpha)}: a + alpha·b, one node either way. */
public final class Add extends Node {
    private final double alpha;

    private Add(Tensor a, Tensor b, double alpha) {
        super("AddBackward0", a, b);
        this.alpha = alpha;
    }

    public static Tensor apply(Tensor a, Tensor b) {
        return apply(a, b, 1);
    }

    public static Tensor apply(Tensor a, Tensor b, double alpha) {
        DType type = Graph.promote(a, b);
        Tensor out = Elementwise.zip(a, b, type, alpha == 1 ? Arith.ADD : scaledAdd(alpha, type));
        return Graph.records(a, b) ? Graph.attach(out, new Add(a, b, alpha)) : out;
    }

    /**
     * {@code a.add_(b, alpha)} written straight into a, where nothing records and a and b are
     * dense float32, b of a's shape or a row of it (accumulating {@code .grad}, an optimizer
     * step, a bias): no temporary
     * result to allocate and copy back. False where the general in-place path must run; the
     * caller checks the in-place rules and bumps the version.
     */
    public static boolean intoSelf(Tensor a, Tensor b, double alpha) {
        return !Graph.records(a, b) && a.dtype() == DType.FLOAT32 && b.dtype() == DType.FLOAT32
                && Elementwise.addInto(a, b, (float) alpha);
    }

    /**
     * PyTorch's CPU loop computes {@code fmadd(b, alpha, a)}: a fused multiply-add in the result
     * type, rounded once (alpha first converted to that type).
     */
    private static DoubleBinaryOperator scaledAdd(double alpha, DType type) {
        if (type == DType.FLOAT32) {
            float alpha32 = (float) alpha;
            return (x, y) -> Math.fma((float) y, alpha32, (float) x);
        }
        if (type == DType.FLOAT64) {
            return (x, y) -> Math.fma(y, alpha, x);
        }
        return (x, y) -> x + alpha * y;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        return new Tensor[] {grad, alpha == 1 ? grad : grad.mul(alpha)};
    }

    @Override
    public String derivativeFormula(int input) {
        return input == 0 || alpha == 1 ? "grad" : "grad · " + Formulas.number(alpha);
    }
}

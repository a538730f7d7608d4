package dev.jautograd.ops;

import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.autograd.GradMode;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;
import dev.jautograd.loops.Elementwise;
import dev.jautograd.loops.FloatFunction;
import java.util.function.DoubleBinaryOperator;

/**
 * Hyperbolic tangent; d tanh = 1 - tanh². The gradient is ATen's tanh_backward, grad · (1 - y²),
 * whose CPU kernel GCC compiles with 1 - y² as one fused multiply-add (rounded once), in the
 * vector loop and the scalar tail alike, for float32 and float64: so it is computed so here.
 */
public final class Tanh extends Node {
    private final SavedTensor saved;

    private Tanh(Tensor input, Tensor result) {
        super("TanhBackward0", input);
        this.saved = saveOutput(result);
    }

    public static Tensor apply(Tensor input) {
        Tensor out = Elementwise.map(input, Graph.floatResult(input), FloatFunction.TANH);
        return Graph.records(input) ? Graph.attach(out, new Tanh(input, out)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        Tensor result = saved.get();
        if (GradMode.isEnabled()) return new Tensor[] {grad.mul(result.mul(result).rsub(1))}; // create_graph: differentiable
        DType type = Graph.promote(grad, result);
        DoubleBinaryOperator backward = type == DType.FLOAT32
                ? (g, y) -> (float) g * Math.fma(-(float) y, (float) y, 1f)
                : (g, y) -> g * Math.fma(-y, y, 1.0);
        return new Tensor[] {Elementwise.zip(grad, result, type, backward)};
    }
}

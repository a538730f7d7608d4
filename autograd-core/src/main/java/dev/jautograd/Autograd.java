package dev.jautograd;

import dev.jautograd.autograd.AnomalyMode;
import dev.jautograd.autograd.Engine;
import dev.jautograd.autograd.GradCheck;
import dev.jautograd.autograd.GradMode;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The {@code torch.autograd} namespace: {@code grad}, {@code gradcheck}/{@code gradgradcheck},
 * {@code functional.jacobian}/{@code hessian} and anomaly detection.
 */
public final class Autograd {
    private Autograd() {}

    /** {@code torch.autograd.grad(y, x)} for a scalar {@code y}: dy/dx, leaving {@code .grad} alone. */
    public static Tensor grad(Tensor output, Tensor input) {
        return grad(new Tensor[] {output}, new Tensor[] {input}, null, null, false, false)[0];
    }

    /**
     * {@code torch.autograd.grad(outputs, inputs, grad_outputs, retain_graph, create_graph,
     * allow_unused)}; {@code gradOutputs} null (or null entries) for scalar outputs,
     * {@code retainGraph} null defaults to {@code createGraph}, as in PyTorch.
     */
    public static Tensor[] grad(Tensor[] outputs, Tensor[] inputs, Tensor[] gradOutputs, Boolean retainGraph,
                                boolean createGraph, boolean allowUnused) {
        Tensor[] seeds = gradOutputs != null ? gradOutputs : new Tensor[outputs.length];
        boolean retain = retainGraph != null ? retainGraph : createGraph;
        return Engine.grad(outputs, seeds, inputs, retain, createGraph, allowUnused);
    }

    /** {@code torch.autograd.gradcheck(f, (x,))}: true, or a GradcheckError with PyTorch's message. */
    public static boolean gradcheck(UnaryOperator<Tensor> f, Tensor input) {
        return GradCheck.gradcheck(xs -> new Tensor[] {f.apply(xs[0])}, input);
    }

    /** {@code gradcheck(f, (a, b, ...))} with {@code f} taking the inputs as an array. */
    public static boolean gradcheck(Function<Tensor[], Tensor> f, Tensor... inputs) {
        return GradCheck.gradcheck(xs -> new Tensor[] {f.apply(xs)}, inputs);
    }

    public static boolean gradgradcheck(UnaryOperator<Tensor> f, Tensor input) {
        return GradCheck.gradgradcheck(xs -> new Tensor[] {f.apply(xs[0])}, input);
    }

    public static boolean gradgradcheck(Function<Tensor[], Tensor> f, Tensor... inputs) {
        return GradCheck.gradgradcheck(xs -> new Tensor[] {f.apply(xs)}, inputs);
    }

    /**
     * {@code torch.autograd.functional.jacobian(f, x)}: shape {@code f(x).shape + x.shape}, one
     * backward per output element. With {@code createGraph} the result is differentiable.
     */
    public static Tensor jacobian(UnaryOperator<Tensor> f, Tensor input, boolean createGraph) {
        Tensor x = input.detach().requiresGrad_();
        Tensor out;
        try (var mode = GradMode.enabled()) {
            out = f.apply(x);
        }
        int m = out.numel();
        Tensor[] rows = new Tensor[m];
        for (int j = 0; j < m; j++) {
            Tensor basis = Torch.zeros(new int[] {m}, Options.dtype(out.dtype()));
            basis.storage().set(j, 1);
            Tensor g = !out.requiresGrad() ? null : Engine.grad(new Tensor[] {out},
                    new Tensor[] {basis.view(out.shape())}, new Tensor[] {x}, true, createGraph, true)[0];
            rows[j] = (g == null ? Torch.zerosLike(x) : g).reshape(-1);
        }
        int[] shape = new int[out.dim() + x.dim()];
        System.arraycopy(out.shape(), 0, shape, 0, out.dim());
        System.arraycopy(x.shape(), 0, shape, out.dim(), x.dim());
        Tensor stacked = m == 0 ? Torch.zeros(shape, Options.dtype(x.dtype())) : Torch.stack(java.util.List.of(rows));
        return createGraph ? stacked.view(shape) : stacked.detach().view(shape).detach();
    }

    public static Tensor jacobian(UnaryOperator<Tensor> f, Tensor input) {
        return jacobian(f, input, false);
    }

    /** {@code torch.autograd.functional.hessian(f, x)} for a scalar {@code f}: shape {@code x.shape + x.shape}. */
    public static Tensor hessian(UnaryOperator<Tensor> f, Tensor input) {
        return jacobian(x -> {
            Tensor y = f.apply(x);
            if (y.numel() != 1) {
                throw new IllegalArgumentException("The function given to hessian should return a single element "
                        + "Tensor");
            }
            Tensor g = !y.requiresGrad() ? null
                    : Engine.grad(new Tensor[] {y}, new Tensor[] {null}, new Tensor[] {x}, true, true, true)[0];
            return g == null ? Torch.zerosLike(x) : g;
        }, input, false);
    }

    /**
     * {@code with torch.autograd.detect_anomaly():} is {@code try (var scope = Autograd.detectAnomaly()) {...}}:
     * a backward that returns NaN fails naming its node, and the forward call that made it is printed.
     */
    public static AnomalyMode.Scope detectAnomaly() {
        return AnomalyMode.enable();
    }
}

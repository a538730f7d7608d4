package dev.jautograd.autograd;

import static dev.jautograd.internal.TensorInternals.storage;

import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.loops.Strided;
import dev.jautograd.storage.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * {@code torch.autograd.gradcheck} and {@code gradgradcheck} (slow mode): every output's
 * Jacobian from backward passes against central differences, with PyTorch's defaults
 * (eps 1e-6, atol 1e-5, rtol 1e-3) and its message on a mismatch. Jacobians are laid out as
 * PyTorch prints them: one row per input element, one column per output element.
 */
public final class GradCheck {
    public static final double EPS = 1e-6, ATOL = 1e-5, RTOL = 1e-3;

    private GradCheck() {}

    /** True, or a GradcheckError naming the first output and input whose Jacobians differ. */
    public static boolean gradcheck(Function<Tensor[], Tensor[]> f, Tensor... inputs) {
        List<Integer> wanted = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            if (!inputs[i].requiresGrad()) continue;
            wanted.add(i);
            if (inputs[i].dtype() != DType.FLOAT64) {
                System.err.println("UserWarning: Input #" + i + " requires gradient and is not a double precision "
                        + "floating point or complex. This check will likely fail if all the inputs are not of double "
                        + "precision floating point or complex. ");
            }
        }
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("gradcheck expects at least one input tensor to require gradient, but "
                    + "none of the them have requires_grad=True.");
        }
        Tensor[] outputs = f.apply(inputs);
        for (int o = 0; o < outputs.length; o++) {
            for (int i : wanted) {
                Tensor numerical = numerical(f, inputs, i, o);
                Tensor analytical = analytical(outputs[o], inputs[i]);
                if (!close(analytical, numerical)) {
                    throw new GradcheckError("Jacobian mismatch for output " + o + " with respect to input " + i
                            + ",\nnumerical:" + numerical + "\nanalytical:" + analytical + "\n");
                }
            }
        }
        return true;
    }

    /**
     * Second order: the function (inputs, v) → the vector-Jacobian products vᵀ·J, made with
     * create_graph, must pass gradcheck; v is random and requires grad too, as in PyTorch.
     */
    public static boolean gradgradcheck(Function<Tensor[], Tensor[]> f, Tensor... inputs) {
        var random = new Random(0);
        Tensor[] outputs = f.apply(inputs);
        Tensor[] all = new Tensor[inputs.length + outputs.length];
        System.arraycopy(inputs, 0, all, 0, inputs.length);
        for (int o = 0; o < outputs.length; o++) {
            all[inputs.length + o] = uniform(outputs[o], random).requiresGrad_();
        }
        int n = inputs.length;
        Function<Tensor[], Tensor[]> vjp = xs -> {
            Tensor[] xsIn = java.util.Arrays.copyOf(xs, n), vs = java.util.Arrays.copyOfRange(xs, n, xs.length);
            Tensor[] wrt = java.util.Arrays.stream(xsIn).filter(Tensor::requiresGrad).toArray(Tensor[]::new);
            Tensor[] grads = Engine.grad(f.apply(xsIn), vs, wrt, true, true, true);
            for (int i = 0; i < grads.length; i++) if (grads[i] == null) grads[i] = wrt[i].detach().mul(0);
            return grads;
        };
        return gradcheck(vjp, all);
    }

    private static Tensor uniform(Tensor like, Random random) {
        Storage s = Storage.allocate(like.dtype(), like.numel());
        for (int i = 0; i < s.size(); i++) s.set(i, random.nextDouble() * 18 - 9);
        return TensorInternals.wrap(s, like.shape());
    }

    /** One backward per output element: column j is the gradient of output element j. */
    private static Tensor analytical(Tensor out, Tensor x) {
        int m = out.numel(), k = x.numel();
        Storage jac = Storage.allocate(x.dtype(), k * m);
        for (int j = 0; j < m && out.requiresGrad(); j++) {
            Storage basis = Storage.allocate(out.dtype(), m);
            basis.set(j, 1);
            Tensor[] g = Engine.grad(new Tensor[] {out}, new Tensor[] {TensorInternals.wrap(basis, out.shape())},
                    new Tensor[] {x}, true, false, true);
            if (g[0] == null) continue;
            double[] column = g[0].toDoubleArray();
            for (int r = 0; r < k; r++) jac.set(r * m + j, column[r]);
        }
        return TensorInternals.wrap(jac, k, m);
    }

    /** Central differences in the input's own dtype, perturbing its storage in place as PyTorch does. */
    private static Tensor numerical(Function<Tensor[], Tensor[]> f, Tensor[] inputs, int i, int o) {
        Tensor x = inputs[i];
        int[] at = Strided.offsets(x);
        Storage s = storage(x);
        int m = -1;
        Storage jac = null;
        // Grad mode stays on: gradgradcheck's function itself differentiates.
        for (int r = 0; r < at.length; r++) {
            double original = s.get(at[r]);
            s.set(at[r], original - EPS);
            Tensor minus = f.apply(inputs)[o].detach().clone();
            s.set(at[r], original + EPS);
            Tensor plus = f.apply(inputs)[o].detach().clone();
            s.set(at[r], original);
            double[] row = plus.sub(minus).div(2 * EPS).toDoubleArray();
            if (jac == null) {
                m = row.length;
                jac = Storage.allocate(x.dtype(), at.length * m);
            }
            for (int j = 0; j < m; j++) jac.set(r * m + j, row[j]);
        }
        if (jac == null) return TensorInternals.wrap(Storage.allocate(x.dtype(), 0), 0, f.apply(inputs)[o].numel());
        return TensorInternals.wrap(jac, at.length, m);
    }

    private static boolean close(Tensor a, Tensor n) {
        double[] av = a.toDoubleArray(), nv = n.toDoubleArray();
        if (av.length != nv.length) return false;
        for (int i = 0; i < av.length; i++) {
            if (!(Math.abs(av[i] - nv[i]) <= ATOL + RTOL * Math.abs(nv[i]))) return false;
        }
        return true;
    }
}

package dev.jautograd.golden;

import static org.junit.jupiter.api.Assertions.fail;

import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.autograd.Engine;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * torch.autograd.gradcheck in Java: the analytic Jacobian (one backward per output element)
 * against central differences, in float64, with PyTorch's defaults eps 1e-6, atol 1e-5, rtol 1e-3.
 * gradgradcheck differentiates a random projection of the first derivatives the same way.
 */
final class GradCheck {
    static final double EPS = 1e-6, ATOL = 1e-5, RTOL = 1e-3;

    private GradCheck() {}

    /** Checks every input that requires grad; {@code f} must give a float64 output. */
    static void gradcheck(Function<List<Tensor>, Tensor> f, List<Tensor> inputs) {
        Tensor out = f.apply(inputs);
        if (out.dtype() != DType.FLOAT64) fail("gradcheck needs a float64 output, got " + out.dtype());
        int n = out.numel();
        for (int i = 0; i < inputs.size(); i++) {
            Tensor x = inputs.get(i);
            if (!x.requiresGrad()) continue;
            double[][] analytic = analyticJacobian(out, x, n);
            double[][] numeric = numericJacobian(f, inputs, x, n);
            compare(analytic, numeric, "input " + i);
        }
    }

    /**
     * Second order: h(x) = Σ_i ⟨∂(f·v)/∂x_i, w_i⟩ with fixed random v and w_i, built with
     * create_graph, must itself pass gradcheck.
     */
    static void gradgradcheck(Function<List<Tensor>, Tensor> f, List<Tensor> inputs) {
        var random = new Random(1234);
        Tensor out = f.apply(inputs);
        Tensor v = randomLike(out, random);
        Tensor[] w = inputs.stream().map(x -> randomLike(x, random)).toArray(Tensor[]::new);
        Tensor[] wanted = inputs.stream().filter(Tensor::requiresGrad).toArray(Tensor[]::new);
        Function<List<Tensor>, Tensor> projected = xs -> {
            Tensor[] grads = Engine.grad(new Tensor[] {f.apply(xs)}, new Tensor[] {v}, wanted, true, true, true);
            Tensor total = null;
            for (int g = 0, i = 0; i < xs.size(); i++) {
                if (!xs.get(i).requiresGrad()) continue;
                Tensor grad = grads[g++];
                if (grad == null) continue;
                Tensor term = grad.mul(w[i]).sum();
                total = total == null ? term : total.add(term);
            }
            return total != null ? total : Tensor.wrap(dev.jautograd.storage.Storage.allocate(DType.FLOAT64, 1));
        };
        gradcheck(projected, inputs);
    }

    private static Tensor randomLike(Tensor t, Random random) {
        double[] values = new double[t.numel()];
        for (int i = 0; i < values.length; i++) values[i] = random.nextGaussian();
        var storage = dev.jautograd.storage.Storage.allocate(DType.FLOAT64, values.length);
        for (int i = 0; i < values.length; i++) storage.set(i, values[i]);
        return Tensor.wrap(storage, t.shape());
    }

    private static double[][] analyticJacobian(Tensor out, Tensor x, int n) {
        // An output with no history is constant in x (e.g. the derivative of a linear function).
        if (!out.requiresGrad()) return new double[n][x.numel()];
        double[][] jacobian = new double[n][];
        for (int j = 0; j < n; j++) {
            var basis = dev.jautograd.storage.Storage.allocate(out.dtype(), n);
            basis.set(j, 1);
            Tensor[] grads = Engine.grad(new Tensor[] {out}, new Tensor[] {Tensor.wrap(basis, out.shape())},
                    new Tensor[] {x}, true, false, true);
            jacobian[j] = grads[0] == null ? new double[x.numel()] : grads[0].toDoubleArray();
        }
        return jacobian;
    }

    /** Central differences, perturbing x's storage in place (the inputs are fresh contiguous leaves). */
    private static double[][] numericJacobian(Function<List<Tensor>, Tensor> f, List<Tensor> inputs, Tensor x,
                                              int n) {
        double[][] jacobian = new double[n][x.numel()];
        var storage = x.storage();
        for (int k = 0; k < x.numel(); k++) {
            double original = storage.get(k);
            storage.set(k, original + EPS);
            double[] plus = f.apply(inputs).toDoubleArray();
            storage.set(k, original - EPS);
            double[] minus = f.apply(inputs).toDoubleArray();
            storage.set(k, original);
            for (int j = 0; j < n; j++) jacobian[j][k] = (plus[j] - minus[j]) / (2 * EPS);
        }
        return jacobian;
    }

    private static void compare(double[][] analytic, double[][] numeric, String what) {
        for (int j = 0; j < analytic.length; j++) {
            for (int k = 0; k < analytic[j].length; k++) {
                double a = analytic[j][k], num = numeric[j][k];
                if (!(Math.abs(a - num) <= ATOL + RTOL * Math.abs(num))) {
                    fail(what + ": d out[" + j + "] / d x[" + k + "] analytic " + a + " but numeric " + num);
                }
            }
        }
    }
}

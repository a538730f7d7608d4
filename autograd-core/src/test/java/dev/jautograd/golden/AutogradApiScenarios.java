package dev.jautograd.golden;

import static dev.jautograd.Options.dtype;
import static dev.jautograd.Options.requiresGrad;

import dev.jautograd.Autograd;
import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import dev.jautograd.autograd.Node;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The Java side of gen_autograd_api.py: each scenario the same program, step for step. */
final class AutogradApiScenarios {
    private AutogradApiScenarios() {}

    static final Map<String, Consumer<Steps>> SCENARIOS = Map.of(
            "hook_handle_remove", AutogradApiScenarios::hookHandleRemove,
            "autograd_grad_forms", AutogradApiScenarios::autogradGradForms,
            "gradcheck_results", AutogradApiScenarios::gradcheckResults,
            "jacobian_and_hessian", AutogradApiScenarios::jacobianAndHessian,
            "inference_mode", AutogradApiScenarios::inferenceMode,
            "anomaly_detection", AutogradApiScenarios::anomalyDetection,
            "views_written_in_place", AutogradApiScenarios::viewsWrittenInPlace,
            "printed_forms", AutogradApiScenarios::printedForms);

    private static Tensor f64(double... values) {
        return Torch.tensor(values, dtype(DType.FLOAT64)).requiresGrad_();
    }

    static void hookHandleRemove(Steps r) {
        var x = Torch.tensor(new double[] {1, 2}, requiresGrad());
        var h = x.registerHook(g -> g.mul(2));
        x.mul(x).sum().backward();
        r.show("x.grad with hook", x.grad());
        h.remove();
        h.remove();
        x.setGrad(null);
        x.mul(x).sum().backward();
        r.show("x.grad after remove", x.grad());
        var y = x.mul(3);
        var hy = y.registerHook(g -> g.add(1));
        x.setGrad(null);
        y.sum().backward(null, true);
        r.show("x.grad through non-leaf hook", x.grad());
        hy.remove();
        x.setGrad(null);
        y.sum().backward();
        r.show("x.grad after non-leaf remove", x.grad());
    }

    static void autogradGradForms(Steps r) {
        var x = Torch.tensor(new double[] {1, -2, 3}, requiresGrad());
        var y = x.pow(3).sum();
        var g = Autograd.grad(new Tensor[] {y}, new Tensor[] {x}, null, null, true, false)[0];
        r.show("dy/dx", g);
        r.show("d2y/dx2", Autograd.grad(g.sum(), x));
        y.backward();
        r.show("backward after create_graph grad (graph kept)", x.grad());
        var a = Torch.tensor(new double[] {1, 2}, requiresGrad());
        var b = Torch.tensor(new double[] {3, 4}, requiresGrad());
        var c = Torch.tensor(new double[] {5}, requiresGrad());
        Tensor[] outs = {a.mul(b), a.add(b)};
        var grads = Autograd.grad(outs, new Tensor[] {a, b, c},
                new Tensor[] {Torch.ones(2), Torch.tensor(new double[] {1, -1})}, true, false, true);
        r.show("grad a", grads[0]);
        r.show("grad b", grads[1]);
        r.show("grad c (unused)", grads[2]);
        r.error("unused without allow_unused", () -> Autograd.grad(new Tensor[] {outs[0].sum()},
                new Tensor[] {a, c}, null, null, false, false));
        var z = a.mul(a).sum();
        Autograd.grad(z, a);
        r.error("second grad without retain_graph", () -> Autograd.grad(z, a));
        r.error("grad of non-scalar without grad_outputs", () -> Autograd.grad(a.mul(2), a));
    }

    private static Tensor doubled(Tensor a) {
        var y = a.mul(a);
        y.registerHook(g -> g.mul(2));
        return y;
    }

    static void gradcheckResults(Steps r) {
        var x = f64(0.5, -1.5, 2.0);
        var w = Torch.tensor(new double[][] {{1.0, -0.5, 0.25}, {2.0, 0.5, -1.0}}, dtype(DType.FLOAT64)).requiresGrad_();
        r.show("x*x", Autograd.gradcheck(a -> a.mul(a), x));
        r.show("matmul", Autograd.gradcheck(xs -> xs[0].matmul(xs[1]), w, x));
        r.show("select+exp", Autograd.gradcheck(m -> m.select(0, 1).exp(), w));
        r.show("index+norm", Autograd.gradcheck(m -> m.index(Torch.tensor(new long[] {1, 0, 1})).norm(), w));
        r.show("cat+logsumexp", Autograd.gradcheck(xs -> Torch.cat(List.of(xs[0], xs[1].unsqueeze(0))).logsumexp(1),
                w, x));
        r.show("gradgradcheck x**3", Autograd.gradgradcheck(a -> a.pow(3), x));
        r.show("gradgradcheck std", Autograd.gradgradcheck(m -> m.std(1), w));
        r.show("gradgradcheck prod", Autograd.gradgradcheck(a -> a.prod(), x));
        r.error("wrong gradient", () -> Autograd.gradcheck(AutogradApiScenarios::doubled, f64(1, 2)));
        r.error("nothing requires grad", () -> Autograd.gradcheck(a -> a.mul(a),
                Torch.tensor(new double[] {1, 2}, dtype(DType.FLOAT64))));
        r.firstLine("gradgradcheck wrong", () -> Autograd.gradgradcheck(a -> doubled(a).mul(a), f64(1, 2)));
    }

    static void jacobianAndHessian(Steps r) {
        r.show("jacobian of v**2", Autograd.jacobian(v -> v.pow(2), Torch.tensor(new double[] {1, 2})));
        r.show("jacobian of sum", Autograd.jacobian(Tensor::sum, Torch.tensor(new double[] {1, 2})));
        r.show("jacobian of a matrix function", Autograd.jacobian(m -> m.exp().t(),
                Torch.tensor(new double[][] {{0, 1}, {2, 3}})));
        r.show("jacobian of a constant", Autograd.jacobian(v -> Torch.ones(2), Torch.tensor(new double[] {1, 2})));
        r.show("jacobian with create_graph", Autograd.jacobian(v -> v.pow(2), Torch.tensor(new double[] {1, 2}), true));
        r.show("hessian of sum v**3", Autograd.hessian(v -> v.pow(3).sum(), Torch.tensor(new double[] {1, 2})));
        r.show("hessian of x0*x1", Autograd.hessian(v -> v.select(0, 0).mul(v.select(0, 1)),
                Torch.tensor(new double[] {1, 2})));
        r.show("hessian of logsumexp", Autograd.hessian(v -> v.logsumexp(0),
                Torch.tensor(new double[] {0, 1, 2}, dtype(DType.FLOAT64))));
    }

    static void inferenceMode(Steps r) {
        Tensor t;
        try (var scope = Torch.inferenceMode()) {
            t = Torch.ones(2);
            r.show("requires_grad inside", t.requiresGrad());
            r.show("is_inference inside", t.isInference());
            r.show("inference mode enabled", Torch.isInferenceModeEnabled());
            r.show("grad enabled inside", Torch.isGradEnabled());
            var w0 = Torch.ones(new int[] {2}, requiresGrad());
            r.show("op on a grad leaf inside", w0.mul(2));
        }
        r.show("inference mode enabled after", Torch.isInferenceModeEnabled());
        r.show("grad enabled after", Torch.isGradEnabled());
        var w = Torch.ones(new int[] {2}, requiresGrad());
        Tensor inference = t;
        r.error("saved for backward", () -> inference.mul(w));
        r.error("requires_grad_ outside", inference::requiresGrad_);
        r.error("in place outside", () -> inference.add_(1));
        r.show("add (nothing saved)", t.add(w));
        r.show("exp then mul", t.exp().mul(w));
        r.show("clone is not inference", t.clone().isInference());
        r.show("normal tensor", Torch.ones(1).isInference());
    }

    static void anomalyDetection(Steps r) {
        try (var scope = Autograd.detectAnomaly()) {
            var a = Torch.tensor(new double[] {0, 1}, requiresGrad());
            var b = a.sqrt().mul(0);
            r.error("nan from sqrt", () -> b.sum().backward());
            var c = a.log().mul(a);
            r.error("nan from log", () -> c.sum().backward());
            a.mul(2).sum().backward();
            r.show("clean backward", a.grad());
        }
        Torch.tensor(new double[] {0}, requiresGrad()).sqrt().mul(0).sum().backward();
        r.text("without anomaly mode", "no error");
    }

    private static String name(Node node) {
        return node == null ? "None" : node.name();
    }

    static void viewsWrittenInPlace(Steps r) {
        var x = Torch.tensor(2., requiresGrad());
        var y = Torch.zeros(3);
        y.select(0, 0).copy_(x);
        r.show("y after y[0] = x", y);
        r.show("y.is_leaf", y.isLeaf());
        var next = y.gradFn().nextFunctions().stream().map(e -> e.function() == null ? "None"
                : "'" + e.function().name() + "'").toList();
        r.text("y.grad_fn next", next);
        y.mul(Torch.tensor(new double[] {5, 6, 7})).sum().backward();
        r.show("x.grad", x.grad());
        var a = Torch.tensor(new double[] {1, 2, 3}, requiresGrad());
        var b = a.clone();
        var v = b.slice(0, 0, 2);
        var w = b.select(0, 2);
        r.text("v.grad_fn before", name(v.gradFn()));
        v.mul_(2);
        r.text("v.grad_fn after mul_", name(v.gradFn()));
        r.text("b.grad_fn", name(b.gradFn()));
        r.text("w.grad_fn after", name(w.gradFn()));
        r.show("b", b);
        r.show("v", v);
        b.mul(Torch.tensor(new double[] {1, 10, 100})).sum().backward(null, true);
        r.show("a.grad through CopySlices", a.grad());
        a.setGrad(null);
        w.backward();
        r.show("a.grad through the other view", a.grad());
        r.error("x[0] = 1 on a leaf", () -> a.set(1., 0));
        r.error("view of a leaf in place", () -> a.slice(0, 1, null).mul_(2));
        var m = Torch.tensor(new double[][] {{1, 2}, {3, 4}}, requiresGrad());
        var n = m.mul(1);
        n.set(5., 0, 1);
        n.select(1, 0).mul_(3);
        r.show("n", n);
        n.sum().backward();
        r.show("m.grad", m.grad());
        var base = Torch.zeros(2, 2);
        var early = base.select(0, 1);
        base.select(0, 0).add_(m.select(0, 0));
        r.show("base.requires_grad", base.requiresGrad());
        r.show("early view requires_grad", early.requiresGrad());
        r.show("early view", early);
    }

    static void printedForms(Steps r) {
        var m = Torch.tensor(new double[][] {{1, 5}, {3, 4}}, requiresGrad());
        r.text("max(dim)", Torch.max(m, 1));
        r.text("min(dim, keepdim)", m.min(0, true));
        r.text("max of int64", Torch.tensor(new long[][] {{1, 7}, {9, 2}}).max(1));
        r.text("tolist 2-D", m.tolist());
        r.text("tolist int64 3-D", Torch.arange(8).reshape(2, 2, 2).tolist());
        r.text("tolist 0-dim", Torch.tensor(2.5).tolist());
        m.max(1).values().sum().backward();
        r.show("grad of max values", m.grad());
    }
}

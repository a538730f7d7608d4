package dev.jautograd.golden;

import static dev.jautograd.Options.requiresGrad;

import dev.jautograd.DType;
import dev.jautograd.Options;
import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import dev.jautograd.autograd.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The Java side of gen_autograd.py: each scenario the same program, step for step. */
final class AutogradScenarios {
    private AutogradScenarios() {}

    static final Map<String, Consumer<Steps>> SCENARIOS = Map.ofEntries(
            Map.entry("accumulate_over_two_backwards", AutogradScenarios::accumulateOverTwoBackwards),
            Map.entry("retain_graph_then_second_backward", AutogradScenarios::retainGraphThenSecondBackward),
            Map.entry("second_backward_without_retain_graph_fails", AutogradScenarios::secondBackwardFails),
            Map.entry("no_grad_results", AutogradScenarios::noGradResults),
            Map.entry("leaf_and_non_leaf_flags", AutogradScenarios::leafAndNonLeafFlags),
            Map.entry("non_leaf_grad_is_none", AutogradScenarios::nonLeafGradIsNone),
            Map.entry("retain_grad_keeps_non_leaf_grad", AutogradScenarios::retainGrad),
            Map.entry("detach_shares_storage", AutogradScenarios::detachSharesStorage),
            Map.entry("hooks_modify_gradients", AutogradScenarios::hooksModifyGradients),
            Map.entry("in_place_on_leaf_fails", AutogradScenarios::inPlaceOnLeafFails),
            Map.entry("in_place_on_saved_tensor_detected", AutogradScenarios::inPlaceOnSavedTensor),
            Map.entry("create_graph_second_order", AutogradScenarios::createGraphSecondOrder),
            Map.entry("autograd_grad", AutogradScenarios::autogradGrad),
            Map.entry("backward_errors", AutogradScenarios::backwardErrors),
            Map.entry("requires_grad_on_int", AutogradScenarios::requiresGradOnInt),
            Map.entry("broadcast_and_shared_paths", AutogradScenarios::broadcastAndSharedPaths),
            Map.entry("grad_assignment_and_flags", AutogradScenarios::gradAssignmentAndFlags),
            Map.entry("detach_in_place", AutogradScenarios::detachInPlace),
            Map.entry("hooks_run_in_order", AutogradScenarios::hooksRunInOrder),
            Map.entry("retain_grad_sees_hooks_registered_before_it", AutogradScenarios::retainGradAndHookOrder),
            Map.entry("backward_on_scalar_leaf", AutogradScenarios::backwardOnScalarLeaf),
            Map.entry("double_backward_of_product", AutogradScenarios::doubleBackwardOfProduct),
            Map.entry("partial_no_grad_branch", AutogradScenarios::partialNoGradBranch),
            Map.entry("chained_views_backward", AutogradScenarios::chainedViewsBackward),
            Map.entry("graph_without_saved_tensors_runs_twice", AutogradScenarios::graphWithoutSavedTensors),
            Map.entry("several_roots", AutogradScenarios::severalRoots));

    private static Tensor leaf(double... values) {
        return Torch.tensor(values, requiresGrad());
    }

    static void accumulateOverTwoBackwards(Steps r) {
        var x = leaf(1, 2, 3);
        x.mul(x).sum().backward();
        r.show("x.grad after first", x.grad());
        x.mul(3).sum().backward();
        r.show("x.grad after second", x.grad());
        x.grad().zero_();
        r.show("x.grad after zero_", x.grad());
    }

    static void retainGraphThenSecondBackward(Steps r) {
        var x = leaf(1, -2);
        var y = x.pow(3).sum();
        y.backward(null, true);
        r.show("x.grad", x.grad());
        y.backward();
        r.show("x.grad twice", x.grad());
    }

    static void secondBackwardFails(Steps r) {
        var x = leaf(0.5, 1.5);
        var y = x.mul(x).sum();
        y.backward();
        r.error("second backward", y::backward);
        var z = x.exp().sum();
        z.backward();
        r.error("second backward through exp", z::backward);
    }

    static void noGradResults(Steps r) {
        var x = leaf(1, 2);
        try (var noGrad = Torch.noGrad()) {
            var y = x.mul(2);
            r.show("y", y);
            r.show("y.requires_grad", y.requiresGrad());
            r.show("y.grad_fn", y.gradFn());
            try (var enable = Torch.enableGrad()) {
                r.show("enable_grad inside", x.mul(2));
            }
        }
        r.show("after the block", x.mul(2));
        r.show("is_grad_enabled", Torch.isGradEnabled());
    }

    static void leafAndNonLeafFlags(Steps r) {
        var x = leaf(1, 2);
        var y = x.add(1);
        var plain = Torch.tensor(new double[] {1, 2});
        r.show("x.is_leaf", x.isLeaf());
        r.show("y.is_leaf", y.isLeaf());
        r.show("y.requires_grad", y.requiresGrad());
        r.show("plain.is_leaf", plain.isLeaf());
        r.show("plain.requires_grad", plain.requiresGrad());
        r.show("(plain * 2).is_leaf", plain.mul(2).isLeaf());
        r.show("x.detach().is_leaf", x.detach().isLeaf());
        r.show("x.detach().requires_grad", x.detach().requiresGrad());
        r.show("plain.requires_grad_()", plain.requiresGrad_());
        r.show("plain.is_leaf after", plain.isLeaf());
        r.error("y.requires_grad_(False)", () -> y.requiresGrad_(false));
    }

    static void nonLeafGradIsNone(Steps r) {
        var x = leaf(1, 2, 3);
        var y = x.mul(2);
        y.sum().backward();
        r.show("y.grad", y.grad());
        r.show("x.grad", x.grad());
        r.show("unused.grad", leaf(5).grad());
    }

    static void retainGrad(Steps r) {
        var x = leaf(1, 2, 3);
        var y = x.mul(2);
        y.retainGrad();
        y.retainGrad();
        r.show("y.retains_grad", y.retainsGrad());
        y.mul(y).sum().backward();
        r.show("y.grad", y.grad());
        r.show("x.grad", x.grad());
        x.retainGrad();
        r.show("leaf retains_grad", x.retainsGrad());
    }

    static void detachSharesStorage(Steps r) {
        var x = leaf(1, 2, 3);
        var d = x.detach();
        d.mul_(2);
        r.show("x after d.mul_(2)", x);
        r.show("d", d);
        r.show("d.requires_grad", d.requiresGrad());
        x.data().add_(1);
        r.show("x after x.data.add_(1)", x);
    }

    static void hooksModifyGradients(Steps r) {
        var x = leaf(1, 2, 3);
        var y = x.mul(2);
        y.registerHook(g -> g.mul(10));
        x.registerHook(g -> g.add(1));
        y.sum().backward();
        r.show("x.grad", x.grad());
        var z = leaf(1, 1);
        List<Tensor> seen = new ArrayList<>();
        z.registerHook(g -> {
            seen.add(g.clone());
            return null;
        });
        z.mul(3).sum().backward();
        r.show("hook saw", seen.get(0));
        r.show("z.grad", z.grad());
        r.error("hook on a tensor without grad", () -> Torch.tensor(new double[] {1}).registerHook(g -> g));
    }

    static void inPlaceOnLeafFails(Steps r) {
        var x = leaf(1, 2);
        r.error("x.add_(1)", () -> x.add_(1));
        r.error("x.mul_(2)", () -> x.mul_(2));
        r.error("x.zero_()", x::zero_);
        r.error("view of leaf", () -> x.view(2).add_(1));
        try (var noGrad = Torch.noGrad()) {
            x.mul_(2);
        }
        r.show("x after no_grad mul_", x);
        var y = x.mul(1);
        y.add_(1);
        r.show("non-leaf add_", y);
    }

    static void inPlaceOnSavedTensor(Steps r) {
        var x = leaf(0.5, 1.0, 2.0);
        var a = x.mul(2);
        var b = a.sin();
        a.add_(1);
        r.show("a after add_", a);
        r.error("backward through sin", () -> b.sum().backward());
        var y = x.exp();
        y.add_(1);
        r.error("exp result modified", () -> y.sum().backward());
        var c = x.mul(3);
        var d = c.mul(c);
        c.mul_(2);
        r.error("mul input modified", () -> d.sum().backward());
        var e = x.tanh();
        var f = e.mul(2);
        e.zero_();
        r.error("tanh result zeroed", () -> f.sum().backward());
    }

    static void createGraphSecondOrder(Steps r) {
        var x = leaf(2);
        var y = x.pow(3);
        var g = Engine.grad(new Tensor[] {y}, new Tensor[] {null}, new Tensor[] {x}, true, true, false)[0];
        r.show("dy/dx", g);
        var g2 = Engine.grad(new Tensor[] {g}, new Tensor[] {null}, new Tensor[] {x}, false, false, false)[0];
        r.show("d2y/dx2", g2);
        r.show("x.grad untouched", x.grad());
        var z = Torch.tensor(new double[] {0.5, 1.0}, Options.dtype(DType.FLOAT64).requiresGrad());
        var w = z.sin().sum();
        w.backward(null, false, true);
        r.show("z.grad with graph", z.grad());
        var first = z.grad();
        z.setGrad(null);
        first.sum().backward();
        r.show("second derivative of sin", z.grad());
    }

    static void autogradGrad(Steps r) {
        var x = leaf(1, 2);
        var w = leaf(3, 4);
        var y = x.mul(w).sum();
        var grads = Engine.grad(new Tensor[] {y}, new Tensor[] {null}, new Tensor[] {x, w}, true, false, false);
        r.show("d/dx", grads[0]);
        r.show("d/dw", grads[1]);
        r.show("x.grad stays None", x.grad());
        var upstream = Torch.tensor(new double[] {1, -1});
        r.show("with grad_outputs",
                Engine.grad(new Tensor[] {x.mul(w)}, new Tensor[] {upstream}, new Tensor[] {x}, false, false, false)[0]);
        var unused = leaf(1);
        var both = new Tensor[] {x, unused};
        r.error("unused input", () -> Engine.grad(new Tensor[] {y}, new Tensor[] {null}, both, true, false, false));
        r.show("allow_unused", Engine.grad(new Tensor[] {y}, new Tensor[] {null}, both, true, false, true)[1]);
        var noGrad = new Tensor[] {Torch.tensor(new double[] {1})};
        r.error("input without grad", () -> Engine.grad(new Tensor[] {y}, new Tensor[] {null}, noGrad, false, false, false));
    }

    static void backwardErrors(Steps r) {
        var x = leaf(1, 2, 3);
        var y = x.mul(2);
        r.error("non-scalar without gradient", y::backward);
        r.error("gradient of wrong shape", () -> y.backward(Torch.ones(2)));
        r.error("gradient of wrong 2-D shape", () -> y.backward(Torch.ones(1, 3)));
        r.error("output without grad", () -> Torch.tensor(new double[] {1, 2}).sum().backward());
        y.backward(Torch.tensor(new double[] {1, 0.5, 2}));
        r.show("x.grad", x.grad());
    }

    static void requiresGradOnInt(Steps r) {
        r.error("requires_grad_() on int64", () -> Torch.tensor(new long[] {1, 2}).requiresGrad_());
        r.error("factory requires_grad=True int64", () -> Torch.tensor(new long[] {1, 2}, requiresGrad()));
        r.error("zeros int64 requires_grad",
                () -> Torch.zeros(new int[] {2}, Options.dtype(DType.INT64).requiresGrad()));
        r.show("float64 is fine", Torch.tensor(new double[] {1, 2}, Options.dtype(DType.FLOAT64).requiresGrad()));
    }

    static void broadcastAndSharedPaths(Steps r) {
        var x = leaf(1, 2, 3);
        x.add(Torch.ones(2, 3)).sum().backward();
        r.show("broadcast grad", x.grad());
        x.setGrad(null);
        x.mul(x).add(x.mul(3)).sum().backward();
        r.show("two paths", x.grad());
        x.setGrad(null);
        var s = Torch.tensor(2.5, requiresGrad());
        s.mul(Torch.tensor(new double[][] {{1, 2}, {3, 4}})).sum().backward();
        r.show("0-dim leaf grad", s.grad());
    }


    static void gradAssignmentAndFlags(Steps r) {
        var x = leaf(1, 2);
        r.error("grad of wrong size", () -> x.setGrad(Torch.zeros(3)));
        x.setGrad(Torch.ones(2));
        x.mul(2).sum().backward();
        r.show("accumulates into assigned grad", x.grad());
        r.error("retain_grad without requires_grad", () -> Torch.tensor(new double[] {1}).retainGrad());
        x.requiresGrad_(false);
        r.show("after requires_grad_(False)", x);
        r.show("x * 2 now", x.mul(2));
    }

    static void detachInPlace(Steps r) {
        var x = leaf(1, 2);
        var y = x.mul(2);
        y.detach_();
        r.show("y after detach_", y);
        r.show("y.is_leaf", y.isLeaf());
        r.show("y.requires_grad", y.requiresGrad());
    }

    static void hooksRunInOrder(Steps r) {
        var x = leaf(1, 2);
        var y = x.mul(1);
        y.registerHook(g -> g.add(1));
        y.registerHook(g -> g.mul(10));
        y.sum().backward();
        r.show("(g + 1) * 10", x.grad());
    }

    static void retainGradAndHookOrder(Steps r) {
        var x = leaf(1, 2);
        var y = x.mul(2);
        y.retainGrad();
        y.registerHook(g -> g.mul(10));
        y.sum().backward();
        r.show("retain_grad first: y.grad", y.grad());
        r.show("x.grad", x.grad());
        x.setGrad(null);
        var z = x.mul(2);
        z.registerHook(g -> g.mul(10));
        z.retainGrad();
        z.sum().backward(null, true);
        r.show("hook first: z.grad", z.grad());
        z.sum().backward();
        r.show("z.grad accumulates", z.grad());
    }

    static void backwardOnScalarLeaf(Steps r) {
        var s = Torch.tensor(3., requiresGrad()); // 3 would be int64, as torch.tensor(3)
        s.backward();
        r.show("s.grad", s.grad());
        s.backward(Torch.tensor(2.5));
        r.show("s.grad accumulated", s.grad());
    }

    static void doubleBackwardOfProduct(Steps r) {
        var x = leaf(1, 2);
        var w = leaf(3, -1);
        var root = new Tensor[] {x.mul(x).mul(w).sum()};
        var gx = Engine.grad(root, new Tensor[] {null}, new Tensor[] {x}, true, true, false)[0];
        r.show("gx", gx);
        gx.sum().backward();
        r.show("x.grad", x.grad());
        r.show("w.grad", w.grad());
    }

    static void partialNoGradBranch(Steps r) {
        var x = leaf(1, 2);
        Tensor c;
        try (var noGrad = Torch.noGrad()) {
            c = x.mul(3);
        }
        var y = x.mul(c).sum();
        y.backward();
        r.show("c treated as constant", x.grad());
        r.show("y", y);
    }

    static void chainedViewsBackward(Steps r) {
        var x = Torch.tensor(new double[][] {{1, 2, 3}, {4, 5, 6}}, requiresGrad());
        var y = x.t().reshape(6).view(2, 3).unsqueeze(0).expand(2, 2, 3);
        r.show("y", y);
        y.mul(Torch.arange(12.0).view(2, 2, 3)).sum().backward();
        r.show("x.grad", x.grad());
    }

    static void graphWithoutSavedTensors(Steps r) {
        var x = leaf(1, 2);
        var y = x.add(1).sum();
        y.backward();
        y.backward();
        r.show("x.grad after two backwards", x.grad());
        x.mul(2).sum().backward();
        r.show("x.grad after a third", x.grad());
    }

    static void severalRoots(Steps r) {
        var x = leaf(1, 2);
        var roots = new Tensor[] {x.mul(x).sum(), x.mul(3)};
        Engine.backward(roots, new Tensor[] {null, Torch.tensor(new double[] {1, -1})}, false, false);
        r.show("backward of two roots", x.grad());
        var sums = new Tensor[] {x.mul(x).sum(), x.mul(4).sum()};
        r.show("grad of two roots", Engine.grad(sums, new Tensor[] {null, null}, new Tensor[] {x}, false, false, false)[0]);
    }
}

#!/usr/bin/python3
"""Writes autograd-core/src/test/resources/goldens/autograd.json from real PyTorch 1.13 (CPU).

Autograd semantics as scenarios: each is a short program whose observable steps (a repr, a
flag, an error message) are recorded in order as [label, text]. AutogradGoldenTest runs the
same program in Java, step for step, and must produce the same texts.

Texts: a tensor's repr; None; True/False; an error's message (C++ frames stripped).

Run: /usr/bin/python3 tools/goldens/gen_autograd.py   (deterministic: same file every run)
"""
import torch

from golden_common import error_text, write

SCENARIOS = {}


def scenario(fn):
    SCENARIOS[fn.__name__] = fn
    return fn


class Recorder:
    def __init__(self):
        self.steps = []

    def show(self, label, value):
        if value is None:
            text = "None"
        elif isinstance(value, bool):
            text = str(value)
        elif isinstance(value, torch.Tensor):
            text = repr(value)
        else:
            raise TypeError(type(value))
        self.steps.append([label, text])

    def error(self, label, fn):
        try:
            fn()
        except Exception as e:  # noqa: BLE001 - the message is the golden
            self.steps.append([label, error_text(e)])
            return
        raise AssertionError("no error at " + label)


def leaf(values, dtype=torch.float32):
    return torch.tensor(values, dtype=dtype, requires_grad=True)


@scenario
def accumulate_over_two_backwards(r):
    x = leaf([1., 2., 3.])
    (x * x).sum().backward()
    r.show("x.grad after first", x.grad)
    (x * 3).sum().backward()
    r.show("x.grad after second", x.grad)
    x.grad.zero_()
    r.show("x.grad after zero_", x.grad)


@scenario
def retain_graph_then_second_backward(r):
    x = leaf([1., -2.])
    y = (x ** 3).sum()
    y.backward(retain_graph=True)
    r.show("x.grad", x.grad)
    y.backward()
    r.show("x.grad twice", x.grad)


@scenario
def second_backward_without_retain_graph_fails(r):
    x = leaf([0.5, 1.5])
    y = (x * x).sum()
    y.backward()
    r.error("second backward", lambda: y.backward())
    z = x.exp().sum()
    z.backward()
    r.error("second backward through exp", lambda: z.backward())


@scenario
def no_grad_results(r):
    x = leaf([1., 2.])
    with torch.no_grad():
        y = x * 2
        r.show("y", y)
        r.show("y.requires_grad", y.requires_grad)
        r.show("y.grad_fn", y.grad_fn)
        with torch.enable_grad():
            r.show("enable_grad inside", x * 2)
    r.show("after the block", x * 2)
    r.show("is_grad_enabled", torch.is_grad_enabled())


@scenario
def leaf_and_non_leaf_flags(r):
    x = leaf([1., 2.])
    y = x + 1
    plain = torch.tensor([1., 2.])
    r.show("x.is_leaf", x.is_leaf)
    r.show("y.is_leaf", y.is_leaf)
    r.show("y.requires_grad", y.requires_grad)
    r.show("plain.is_leaf", plain.is_leaf)
    r.show("plain.requires_grad", plain.requires_grad)
    r.show("(plain * 2).is_leaf", (plain * 2).is_leaf)
    r.show("x.detach().is_leaf", x.detach().is_leaf)
    r.show("x.detach().requires_grad", x.detach().requires_grad)
    r.show("plain.requires_grad_()", plain.requires_grad_())
    r.show("plain.is_leaf after", plain.is_leaf)
    r.error("y.requires_grad_(False)", lambda: y.requires_grad_(False))


@scenario
def non_leaf_grad_is_none(r):
    x = leaf([1., 2., 3.])
    y = x * 2
    y.sum().backward()
    r.show("y.grad", y.grad)
    r.show("x.grad", x.grad)
    unused = leaf([5.])
    r.show("unused.grad", unused.grad)


@scenario
def retain_grad_keeps_non_leaf_grad(r):
    x = leaf([1., 2., 3.])
    y = x * 2
    y.retain_grad()
    y.retain_grad()
    r.show("y.retains_grad", y.retains_grad)
    (y * y).sum().backward()
    r.show("y.grad", y.grad)
    r.show("x.grad", x.grad)
    x.retain_grad()
    r.show("leaf retains_grad", x.retains_grad)


@scenario
def detach_shares_storage(r):
    x = leaf([1., 2., 3.])
    d = x.detach()
    d.mul_(2)
    r.show("x after d.mul_(2)", x)
    r.show("d", d)
    r.show("d.requires_grad", d.requires_grad)
    x.data.add_(1)
    r.show("x after x.data.add_(1)", x)


@scenario
def hooks_modify_gradients(r):
    x = leaf([1., 2., 3.])
    y = x * 2
    y.register_hook(lambda g: g * 10)
    x.register_hook(lambda g: g + 1)
    y.sum().backward()
    r.show("x.grad", x.grad)
    z = leaf([1., 1.])
    seen = []
    z.register_hook(lambda g: seen.append(g.clone()))
    (z * 3).sum().backward()
    r.show("hook saw", seen[0])
    r.show("z.grad", z.grad)
    r.error("hook on a tensor without grad", lambda: torch.tensor([1.]).register_hook(lambda g: g))


@scenario
def in_place_on_leaf_fails(r):
    x = leaf([1., 2.])
    r.error("x.add_(1)", lambda: x.add_(1))
    r.error("x.mul_(2)", lambda: x.mul_(2))
    r.error("x.zero_()", lambda: x.zero_())
    r.error("view of leaf", lambda: x.view(2).add_(1))
    with torch.no_grad():
        x.mul_(2)
    r.show("x after no_grad mul_", x)
    y = x * 1
    y.add_(1)
    r.show("non-leaf add_", y)


@scenario
def in_place_on_saved_tensor_detected(r):
    x = leaf([0.5, 1.0, 2.0])
    a = x * 2
    b = a.sin()
    a.add_(1)
    r.show("a after add_", a)
    r.error("backward through sin", lambda: b.sum().backward())
    y = x.exp()
    y.add_(1)
    r.error("exp result modified", lambda: y.sum().backward())
    c = x * 3
    d = c * c
    c.mul_(2)
    r.error("mul input modified", lambda: d.sum().backward())
    e = x.tanh()
    f = e * 2
    e.zero_()
    r.error("tanh result zeroed", lambda: f.sum().backward())


@scenario
def create_graph_second_order(r):
    x = leaf([2.])
    y = x ** 3
    (g,) = torch.autograd.grad(y, x, create_graph=True)
    r.show("dy/dx", g)
    (g2,) = torch.autograd.grad(g, x)
    r.show("d2y/dx2", g2)
    r.show("x.grad untouched", x.grad)
    z = leaf([0.5, 1.0], torch.float64)
    w = z.sin().sum()
    w.backward(create_graph=True)
    r.show("z.grad with graph", z.grad)
    first = z.grad
    z.grad = None
    first.sum().backward()
    r.show("second derivative of sin", z.grad)


@scenario
def autograd_grad(r):
    x = leaf([1., 2.])
    w = leaf([3., 4.])
    y = (x * w).sum()
    gx, gw = torch.autograd.grad(y, (x, w), retain_graph=True)
    r.show("d/dx", gx)
    r.show("d/dw", gw)
    r.show("x.grad stays None", x.grad)
    (gv,) = torch.autograd.grad(x * w, x, grad_outputs=torch.tensor([1., -1.]))
    r.show("with grad_outputs", gv)
    unused = leaf([1.])
    r.error("unused input", lambda: torch.autograd.grad(y, (x, unused), retain_graph=True))
    r.show("allow_unused", torch.autograd.grad(y, (x, unused), allow_unused=True, retain_graph=True)[1])
    r.error("input without grad", lambda: torch.autograd.grad(y, torch.tensor([1.])))


@scenario
def backward_errors(r):
    x = leaf([1., 2., 3.])
    y = x * 2
    r.error("non-scalar without gradient", lambda: y.backward())
    r.error("gradient of wrong shape", lambda: y.backward(torch.ones(2)))
    r.error("gradient of wrong 2-D shape", lambda: y.backward(torch.ones(1, 3)))
    r.error("output without grad", lambda: torch.tensor([1., 2.]).sum().backward())
    y.backward(torch.tensor([1., 0.5, 2.]))
    r.show("x.grad", x.grad)


@scenario
def requires_grad_on_int(r):
    r.error("requires_grad_() on int64", lambda: torch.tensor([1, 2]).requires_grad_())
    r.error("factory requires_grad=True int64", lambda: torch.tensor([1, 2], requires_grad=True))
    r.error("zeros int64 requires_grad", lambda: torch.zeros(2, dtype=torch.int64, requires_grad=True))
    r.show("float64 is fine", torch.tensor([1., 2.], dtype=torch.float64, requires_grad=True))


@scenario
def broadcast_and_shared_paths(r):
    x = leaf([1., 2., 3.])
    (x + torch.ones(2, 3)).sum().backward()
    r.show("broadcast grad", x.grad)
    x.grad = None
    y = x * x + x * 3
    y.sum().backward()
    r.show("two paths", x.grad)
    x.grad = None
    s = leaf(2.5)
    (s * torch.tensor([[1., 2.], [3., 4.]])).sum().backward()
    r.show("0-dim leaf grad", s.grad)


@scenario
def sgd_linear_regression(r):
    inputs = torch.tensor([[0., 1.], [1., 0.], [1., 1.], [2., 1.], [0.5, -1.]])
    targets = torch.tensor([[1.], [2.], [3.], [5.], [0.]])
    w = torch.zeros(2, 1, requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    lr = 0.1
    for step in range(5):
        loss = ((inputs @ w + b - targets) ** 2).mean()
        r.show(f"loss {step}", loss)
        loss.backward()
        with torch.no_grad():
            w -= lr * w.grad
            b -= lr * b.grad
        w.grad.zero_()
        b.grad.zero_()
    r.show("w", w)
    r.show("b", b)
    r.show("w.grad", w.grad)


@scenario
def grad_assignment_and_flags(r):
    x = leaf([1., 2.])
    r.error("grad of wrong size", lambda: setattr(x, "grad", torch.zeros(3)))
    x.grad = torch.ones(2)
    (x * 2).sum().backward()
    r.show("accumulates into assigned grad", x.grad)
    r.error("retain_grad without requires_grad", lambda: torch.tensor([1.]).retain_grad())
    x.requires_grad_(False)
    r.show("after requires_grad_(False)", x)
    r.show("x * 2 now", x * 2)


@scenario
def detach_in_place(r):
    x = leaf([1., 2.])
    y = x * 2
    y.detach_()
    r.show("y after detach_", y)
    r.show("y.is_leaf", y.is_leaf)
    r.show("y.requires_grad", y.requires_grad)


@scenario
def hooks_run_in_order(r):
    x = leaf([1., 2.])
    y = x * 1
    y.register_hook(lambda g: g + 1)
    y.register_hook(lambda g: g * 10)
    y.sum().backward()
    r.show("(g + 1) * 10", x.grad)


@scenario
def retain_grad_sees_hooks_registered_before_it(r):
    x = leaf([1., 2.])
    y = x * 2
    y.retain_grad()
    y.register_hook(lambda g: g * 10)
    y.sum().backward()
    r.show("retain_grad first: y.grad", y.grad)
    r.show("x.grad", x.grad)
    x.grad = None
    z = x * 2
    z.register_hook(lambda g: g * 10)
    z.retain_grad()
    z.sum().backward(retain_graph=True)
    r.show("hook first: z.grad", z.grad)
    z.sum().backward()
    r.show("z.grad accumulates", z.grad)


@scenario
def backward_on_scalar_leaf(r):
    s = leaf(3.)
    s.backward()
    r.show("s.grad", s.grad)
    s.backward(torch.tensor(2.5))
    r.show("s.grad accumulated", s.grad)


@scenario
def double_backward_of_product(r):
    x = leaf([1., 2.])
    w = leaf([3., -1.])
    (gx,) = torch.autograd.grad((x * x * w).sum(), x, create_graph=True)
    r.show("gx", gx)
    gx.sum().backward()
    r.show("x.grad", x.grad)
    r.show("w.grad", w.grad)


@scenario
def partial_no_grad_branch(r):
    x = leaf([1., 2.])
    with torch.no_grad():
        c = x * 3
    y = (x * c).sum()
    y.backward()
    r.show("c treated as constant", x.grad)
    r.show("y", y)


@scenario
def chained_views_backward(r):
    x = leaf([[1., 2., 3.], [4., 5., 6.]])
    y = x.t().reshape(6).view(2, 3).unsqueeze(0).expand(2, 2, 3)
    r.show("y", y)
    (y * torch.arange(12.).view(2, 2, 3)).sum().backward()
    r.show("x.grad", x.grad)


@scenario
def graph_without_saved_tensors_runs_twice(r):
    x = leaf([1., 2.])
    y = (x + 1).sum()
    y.backward()
    y.backward()
    r.show("x.grad after two backwards", x.grad)
    z = (x * 2).sum()
    z.backward()
    r.show("x.grad after a third", x.grad)


@scenario
def several_roots(r):
    x = leaf([1., 2.])
    y1 = (x * x).sum()
    y2 = x * 3
    torch.autograd.backward([y1, y2], [None, torch.tensor([1., -1.])])
    r.show("backward of two roots", x.grad)
    (g,) = torch.autograd.grad([(x * x).sum(), (x * 4).sum()], x)
    r.show("grad of two roots", g)


@scenario
def nn_linear_trained_by_sgd(r):
    torch.manual_seed(0)
    layer = torch.nn.Linear(3, 2)
    r.show("initial weight", layer.weight.detach())
    r.show("initial bias", layer.bias.detach())
    optimizer = torch.optim.SGD(layer.parameters(), lr=0.5)
    inputs = torch.tensor([[1., 0., -1.], [0.5, 2., 0.], [-1., 1., 1.], [0., -0.5, 2.]])
    labels = torch.tensor([0, 1, 1, 0])
    for step in range(3):
        optimizer.zero_grad()
        loss = torch.nn.functional.cross_entropy(layer(inputs), labels)
        r.show(f"loss {step}", loss)
        loss.backward()
        optimizer.step()
    r.show("weight", layer.weight.detach())
    r.show("bias", layer.bias.detach())
    r.show("weight.grad", layer.weight.grad)


def main():
    assert torch.__version__.startswith("1.13"), torch.__version__
    cases = []
    for name, fn in SCENARIOS.items():
        recorder = Recorder()
        fn(recorder)
        cases.append({"name": name, "steps": recorder.steps})
    write("autograd.json", "gen_autograd.py", cases)


if __name__ == "__main__":
    main()

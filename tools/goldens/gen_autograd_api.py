#!/usr/bin/python3
"""Writes autograd-core/src/test/resources/goldens/autograd_api.json from real PyTorch 1.13 (CPU).

The autograd API around the engine, as scenarios (like gen_autograd.py): hook handles, the
torch.autograd.grad forms, gradcheck/gradgradcheck, functional.jacobian/hessian, inference mode,
anomaly detection, in-place writes through views (CopySlices, AsStridedBackward0) and the
printed forms of max/min's return types and tolist. AutogradApiGoldenTest runs the same program
in Java, step for step.

Run: /usr/bin/python3 tools/goldens/gen_autograd_api.py   (deterministic: same file every run)
"""
import warnings

import torch
from torch.autograd import gradcheck, gradgradcheck
from torch.autograd.functional import hessian, jacobian

from gen_autograd import Recorder
from golden_common import error_text, node_name, write

SCENARIOS = {}


def scenario(fn):
    SCENARIOS[fn.__name__] = fn
    return fn


class ApiRecorder(Recorder):
    def text(self, label, value):
        self.steps.append([label, str(value)])

    def first_line(self, label, fn):
        try:
            fn()
        except Exception as e:  # noqa: BLE001 - the message is the golden
            self.steps.append([label, error_text(e).split(",")[0]])
            return
        raise AssertionError("no error at " + label)


def f64(values, grad=True):
    return torch.tensor(values, dtype=torch.float64, requires_grad=grad)


@scenario
def hook_handle_remove(r):
    x = torch.tensor([1., 2.], requires_grad=True)
    h = x.register_hook(lambda g: g * 2)
    (x * x).sum().backward()
    r.show("x.grad with hook", x.grad)
    h.remove()
    h.remove()
    x.grad = None
    (x * x).sum().backward()
    r.show("x.grad after remove", x.grad)
    y = x * 3
    hy = y.register_hook(lambda g: g + 1)
    x.grad = None
    y.sum().backward(retain_graph=True)
    r.show("x.grad through non-leaf hook", x.grad)
    hy.remove()
    x.grad = None
    y.sum().backward()
    r.show("x.grad after non-leaf remove", x.grad)


@scenario
def autograd_grad_forms(r):
    x = torch.tensor([1., -2., 3.], requires_grad=True)
    y = (x ** 3).sum()
    (g,) = torch.autograd.grad(y, x, create_graph=True)
    r.show("dy/dx", g)
    (g2,) = torch.autograd.grad(g.sum(), x)
    r.show("d2y/dx2", g2)
    y.backward()
    r.show("backward after create_graph grad (graph kept)", x.grad)
    a = torch.tensor([1., 2.], requires_grad=True)
    b = torch.tensor([3., 4.], requires_grad=True)
    c = torch.tensor([5.], requires_grad=True)
    outs = (a * b, a + b)
    grads = torch.autograd.grad(outs, (a, b, c), grad_outputs=(torch.ones(2), torch.tensor([1., -1.])),
                                retain_graph=True, allow_unused=True)
    r.show("grad a", grads[0])
    r.show("grad b", grads[1])
    r.show("grad c (unused)", grads[2])
    r.error("unused without allow_unused", lambda: torch.autograd.grad(outs[0].sum(), (a, c)))
    z = (a * a).sum()
    torch.autograd.grad(z, a)
    r.error("second grad without retain_graph", lambda: torch.autograd.grad(z, a))
    r.error("grad of non-scalar without grad_outputs", lambda: torch.autograd.grad(a * 2, a))


@scenario
def gradcheck_results(r):
    x = f64([0.5, -1.5, 2.0])
    w = f64([[1.0, -0.5, 0.25], [2.0, 0.5, -1.0]])
    r.show("x*x", gradcheck(lambda a: a * a, (x,)))
    r.show("matmul", gradcheck(lambda m, v: m @ v, (w, x)))
    r.show("select+exp", gradcheck(lambda m: m[1].exp(), (w,)))
    r.show("index+norm", gradcheck(lambda m: m[torch.tensor([1, 0, 1])].norm(), (w,)))
    r.show("cat+logsumexp", gradcheck(lambda m, v: torch.cat([m, v.unsqueeze(0)]).logsumexp(1), (w, x)))
    r.show("gradgradcheck x**3", gradgradcheck(lambda a: a ** 3, (x,)))
    r.show("gradgradcheck std", gradgradcheck(lambda m: m.std(1), (w,)))
    r.show("gradgradcheck prod", gradgradcheck(lambda a: a.prod(), (x,)))

    def doubled(a):
        y = a * a
        y.register_hook(lambda g: g * 2)
        return y

    r.error("wrong gradient", lambda: gradcheck(doubled, (f64([1., 2.]),)))
    r.error("nothing requires grad", lambda: gradcheck(lambda a: a * a, (f64([1., 2.], grad=False),)))
    r.first_line("gradgradcheck wrong", lambda: gradgradcheck(lambda a: doubled(a) * a, (f64([1., 2.]),)))


@scenario
def jacobian_and_hessian(r):
    r.show("jacobian of v**2", jacobian(lambda v: v ** 2, torch.tensor([1., 2.])))
    r.show("jacobian of sum", jacobian(lambda v: v.sum(), torch.tensor([1., 2.])))
    r.show("jacobian of a matrix function", jacobian(lambda m: m.exp().t(), torch.tensor([[0., 1.], [2., 3.]])))
    r.show("jacobian of a constant", jacobian(lambda v: torch.ones(2), torch.tensor([1., 2.])))
    r.show("jacobian with create_graph", jacobian(lambda v: v ** 2, torch.tensor([1., 2.]), create_graph=True))
    r.show("hessian of sum v**3", hessian(lambda v: (v ** 3).sum(), torch.tensor([1., 2.])))
    r.show("hessian of x0*x1", hessian(lambda v: v[0] * v[1], torch.tensor([1., 2.])))
    r.show("hessian of logsumexp", hessian(lambda v: v.logsumexp(0), torch.tensor([0., 1., 2.], dtype=torch.float64)))


@scenario
def inference_mode(r):
    with torch.inference_mode():
        t = torch.ones(2)
        r.show("requires_grad inside", t.requires_grad)
        r.show("is_inference inside", t.is_inference())
        r.show("inference mode enabled", torch.is_inference_mode_enabled())
        r.show("grad enabled inside", torch.is_grad_enabled())
        w0 = torch.ones(2, requires_grad=True)
        r.show("op on a grad leaf inside", w0 * 2)
    r.show("inference mode enabled after", torch.is_inference_mode_enabled())
    r.show("grad enabled after", torch.is_grad_enabled())
    w = torch.ones(2, requires_grad=True)
    r.error("saved for backward", lambda: t * w)
    r.error("requires_grad_ outside", lambda: t.requires_grad_())
    r.error("in place outside", lambda: t.add_(1))
    r.show("add (nothing saved)", t + w)
    r.show("exp then mul", t.exp() * w)
    r.show("clone is not inference", t.clone().is_inference())
    r.show("normal tensor", torch.ones(1).is_inference())


@scenario
def anomaly_detection(r):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with torch.autograd.detect_anomaly():
            a = torch.tensor([0., 1.], requires_grad=True)
            b = a.sqrt() * 0
            r.error("nan from sqrt", lambda: b.sum().backward())
            c = a.log() * a
            r.error("nan from log", lambda: c.sum().backward())
            d = (a * 2).sum()
            d.backward()
            r.show("clean backward", a.grad)
    e = torch.tensor([0.], requires_grad=True).sqrt() * 0
    e.sum().backward()
    r.text("without anomaly mode", "no error")


@scenario
def views_written_in_place(r):
    x = torch.tensor(2., requires_grad=True)
    y = torch.zeros(3)
    y[0] = x
    r.show("y after y[0] = x", y)
    r.show("y.is_leaf", y.is_leaf)
    r.text("y.grad_fn next", [node_name(f) for f, _ in y.grad_fn.next_functions])
    (y * torch.tensor([5., 6., 7.])).sum().backward()
    r.show("x.grad", x.grad)
    a = torch.tensor([1., 2., 3.], requires_grad=True)
    b = a.clone()
    v = b[0:2]
    w = b[2]
    r.text("v.grad_fn before", node_name(v.grad_fn))
    v.mul_(2)
    r.text("v.grad_fn after mul_", node_name(v.grad_fn))
    r.text("b.grad_fn", node_name(b.grad_fn))
    r.text("w.grad_fn after", node_name(w.grad_fn))
    r.show("b", b)
    r.show("v", v)
    (b * torch.tensor([1., 10., 100.])).sum().backward(retain_graph=True)
    r.show("a.grad through CopySlices", a.grad)
    a.grad = None
    w.backward()
    r.show("a.grad through the other view", a.grad)
    r.error("x[0] = 1 on a leaf", lambda: a.__setitem__(0, 1.))
    r.error("view of a leaf in place", lambda: a[1:].mul_(2))
    m = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
    n = m * 1
    n[0, 1] = 5.
    n[:, 0] *= 3
    r.show("n", n)
    n.sum().backward()
    r.show("m.grad", m.grad)
    base = torch.zeros(2, 2)
    early = base[1]
    base[0].add_(m[0])
    r.show("base.requires_grad", base.requires_grad)
    r.show("early view requires_grad", early.requires_grad)
    r.show("early view", early)


@scenario
def printed_forms(r):
    m = torch.tensor([[1., 5.], [3., 4.]], requires_grad=True)
    r.text("max(dim)", torch.max(m, 1))
    r.text("min(dim, keepdim)", m.min(0, keepdim=True))
    r.text("max of int64", torch.tensor([[1, 7], [9, 2]]).max(1))
    r.text("tolist 2-D", m.tolist())
    r.text("tolist int64 3-D", torch.arange(8).reshape(2, 2, 2).tolist())
    r.text("tolist 0-dim", torch.tensor(2.5).tolist())
    v = m.max(1)
    v.values.sum().backward()
    r.show("grad of max values", m.grad)


def main():
    assert torch.__version__.startswith("1.13"), torch.__version__
    cases = []
    for name, fn in SCENARIOS.items():
        recorder = ApiRecorder()
        fn(recorder)
        cases.append({"name": name, "steps": recorder.steps})
    write("autograd_api.json", "gen_autograd_api.py", cases)


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Writes autograd-viz/src/test/resources/goldens/graphs.json from real PyTorch 1.13 (CPU).

Each case builds a small computation and walks ``grad_fn.next_functions`` from the output the
way torchviz does: depth first, each function once, next_functions in order, skipping
``(None, 0)``. Nodes are numbered in that visiting order, so a Java walk in the same order must
give the same numbering. For every node the golden keeps PyTorch's class name, the leaf's shape
for ``AccumulateGrad`` (``fn.variable``), and the attributes the Java nodes show (a pow's
exponent, a reduction's dims), read from PyTorch's ``_saved_*`` fields. Edges are
``[node, next_function, input_nr]`` in next_functions order. Only shapes matter: values are
fixed (ones, arange) so the Java tests rebuild the same graphs without a generator.

Run: /usr/bin/python3 tools/goldens/gen_graphs.py   (deterministic: same file every run)
"""
import json
import os

import torch
import torch.nn.functional as F

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "autograd-viz", "src", "test",
                   "resources", "goldens", "graphs.json")


def leaf(*shape):
    return torch.ones(*shape, requires_grad=True)


def seed_y():
    a = torch.tensor([5.], requires_grad=True)
    b = torch.tensor([6.], requires_grad=True)
    return a ** 3 - b ** 2


def seed_loss():
    b = torch.tensor([6.], requires_grad=True)
    w = leaf(10, 1)
    x = leaf(1, 10)
    output = torch.matmul(x, w) + b
    return 1 - output


def mlp(widths):
    """relu between layers, mean squared error against a constant target; x needs no grad."""
    h = torch.ones(4, widths[0])
    for i in range(len(widths) - 1):
        w, b = leaf(widths[i], widths[i + 1]), leaf(widths[i + 1])
        h = h @ w + b
        if i < len(widths) - 2:
            h = h.relu()
    return ((h - torch.zeros(4, widths[-1])) ** 2).mean()


def shared_and_reductions():
    a = leaf(2, 3)
    c = a * a                       # both next_functions reach the same AccumulateGrad
    s = (a.t() @ c).sum(0)          # TBackward0, MmBackward0, SumBackward1 with dim
    return (s.sigmoid().tanh().exp() + a.sum()).sum(0, keepdim=True)


def linear_mlp(loss):
    """F.linear layers (AddmmBackward0 over TBackward0) and a torch.nn.functional loss."""
    x = torch.ones(4, 3)
    w1, b1, w2, b2 = leaf(5, 3), leaf(5), leaf(2, 5), leaf(2)
    out = F.linear(F.relu(F.linear(x, w1, b1)), w2, b2)
    if loss == "mse":
        return F.mse_loss(out, torch.zeros(4, 2))
    return F.cross_entropy(out, torch.tensor([0, 1, 1, 0]))


def no_grad_input():
    w = leaf(3)
    x = torch.arange(3.)            # no grad: its edge is (None, 0) and is skipped
    return (x * w).sum() / 2


CASES = {
    "seed_y": seed_y,
    "seed_loss": seed_loss,
    "mlp_small": lambda: mlp([3, 5, 1]),
    "mlp_deep": lambda: mlp([4, 4, 4, 4, 4, 4, 4, 4, 1]),
    "shared_and_reductions": shared_and_reductions,
    "no_grad_input": no_grad_input,
    "linear_mse": lambda: linear_mlp("mse"),
    "linear_cross_entropy": lambda: linear_mlp("cross_entropy"),
}


def attributes(fn):
    """The facts Java's Node.attributes() shows, in its wording."""
    out = []
    exponent = getattr(fn, "_saved_exponent", None)
    if exponent is not None and not torch.is_tensor(exponent):
        out.append("exponent=%s" % exponent)
    dim = getattr(fn, "_saved_dim", None)
    if isinstance(dim, tuple):
        out.append("dim=[%s]" % ", ".join(str(d) for d in dim))
    if getattr(fn, "_saved_keepdim", False) is True:
        out.append("keepdim=True")
    return out


def walk(output):
    index, nodes, edges = {}, [], []

    def visit(fn):
        index[fn] = len(nodes)
        node = {"name": type(fn).__name__, "attributes": attributes(fn)}
        if hasattr(fn, "variable"):
            node["leaf_shape"] = list(fn.variable.shape)
        nodes.append(node)
        for nr, (child, input_nr) in enumerate(fn.next_functions):
            if child is None:
                continue
            if child not in index:
                visit(child)
            edges.append([index[fn], index[child], input_nr])

    visit(output.grad_fn)
    return nodes, edges


def main():
    cases = []
    for name, build in CASES.items():
        output = build()
        nodes, edges = walk(output)
        cases.append({"name": name, "output_shape": list(output.shape), "nodes": nodes, "edges": edges})
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump({"torch_version": torch.__version__.split("a")[0], "cases": cases}, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()

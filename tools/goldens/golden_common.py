"""Shared by gen_ops.py, gen_errors.py and gen_autograd.py: the op table, input encoding, JSON output.

The op table (OPS) is mirrored line for line by the Java table in
autograd-core/src/test/java/dev/jautograd/OpTable.java: a key names a call, `x` is the list of
input tensors and `a` the dict of scalar arguments stored with the case.
"""
import json
import math
import os
import zlib

import torch

GOLDEN_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "autograd-core", "src",
                          "test", "resources", "goldens")

DTYPES = {"float32": torch.float32, "float64": torch.float64, "int64": torch.int64, "bool": torch.bool}
DTYPE_NAMES = {v: k for k, v in DTYPES.items()}

OPS = {
    # arithmetic, tensor and Python-number forms
    "add": lambda x, a: x[0] + x[1],
    "add_scalar": lambda x, a: x[0] + a["s"],
    "add_alpha": lambda x, a: torch.add(x[0], x[1], alpha=a["alpha"]),
    "sub": lambda x, a: x[0] - x[1],
    "sub_scalar": lambda x, a: x[0] - a["s"],
    "rsub": lambda x, a: torch.rsub(x[0], x[1]),
    "rsub_scalar": lambda x, a: a["s"] - x[0],
    "mul": lambda x, a: x[0] * x[1],
    "mul_scalar": lambda x, a: x[0] * a["s"],
    "div": lambda x, a: x[0] / x[1],
    "div_scalar": lambda x, a: x[0] / a["s"],
    "rdiv_scalar": lambda x, a: a["s"] / x[0],
    "neg": lambda x, a: -x[0],
    "pow": lambda x, a: x[0] ** x[1],
    "pow_scalar": lambda x, a: x[0] ** a["s"],
    "rpow_scalar": lambda x, a: a["s"] ** x[0],
    # pointwise functions
    "exp": lambda x, a: x[0].exp(),
    "log": lambda x, a: x[0].log(),
    "sqrt": lambda x, a: x[0].sqrt(),
    "abs": lambda x, a: x[0].abs(),
    "sign": lambda x, a: x[0].sign(),
    "sin": lambda x, a: x[0].sin(),
    "cos": lambda x, a: x[0].cos(),
    "tanh": lambda x, a: x[0].tanh(),
    "sigmoid": lambda x, a: x[0].sigmoid(),
    "relu": lambda x, a: x[0].relu(),
    "clamp": lambda x, a: x[0].clamp(min=a.get("min"), max=a.get("max")),
    "clamp_min": lambda x, a: x[0].clamp_min(a["min"]),
    "clamp_max": lambda x, a: x[0].clamp_max(a["max"]),
    "where": lambda x, a: torch.where(x[0], x[1], x[2]),
    # reductions
    "sum": lambda x, a: x[0].sum(),
    "sum_dim": lambda x, a: x[0].sum(a["dim"], keepdim=a["keepdim"]),
    "sum_dims": lambda x, a: x[0].sum(tuple(a["dims"]), keepdim=a["keepdim"]),
    "mean": lambda x, a: x[0].mean(),
    "mean_dim": lambda x, a: x[0].mean(a["dim"], keepdim=a["keepdim"]),
    "mean_dims": lambda x, a: x[0].mean(tuple(a["dims"]), keepdim=a["keepdim"]),
    "sum_to_size": lambda x, a: x[0].sum_to_size(*a["size"]),
    # linear algebra
    "matmul": lambda x, a: x[0] @ x[1],
    "mm": lambda x, a: x[0].mm(x[1]),
    "mv": lambda x, a: x[0].mv(x[1]),
    "dot": lambda x, a: x[0].dot(x[1]),
    "bmm": lambda x, a: x[0].bmm(x[1]),
    "mT_matmul": lambda x, a: x[0].transpose(-2, -1) @ x[1],
    "matmul_mT": lambda x, a: x[0] @ x[1].transpose(-2, -1),
    # shape
    "t": lambda x, a: x[0].t(),
    "transpose": lambda x, a: x[0].transpose(a["dim0"], a["dim1"]),
    "permute": lambda x, a: x[0].permute(*a["dims"]),
    "view": lambda x, a: x[0].view(tuple(a["shape"])),
    "reshape": lambda x, a: x[0].reshape(tuple(a["shape"])),
    "flatten": lambda x, a: x[0].flatten(),
    "squeeze": lambda x, a: x[0].squeeze(),
    "squeeze_dim": lambda x, a: x[0].squeeze(a["dim"]),
    "unsqueeze": lambda x, a: x[0].unsqueeze(a["dim"]),
    "expand": lambda x, a: x[0].expand(*a["sizes"]),
    "expand_as": lambda x, a: x[0].expand_as(x[1]),
    "contiguous": lambda x, a: x[0].contiguous(),
    "clone": lambda x, a: x[0].clone(),
    "to": lambda x, a: x[0].to(DTYPES[a["dtype"]]),
    # views of views
    "view_view": lambda x, a: x[0].view(tuple(a["shape"])).view(*a["shape2"]),
    "transpose_reshape": lambda x, a: x[0].transpose(a["dim0"], a["dim1"]).reshape(tuple(a["shape"])),
    "permute_contiguous_view": lambda x, a: x[0].permute(*a["dims"]).contiguous().view(tuple(a["shape"])),
    "t_t": lambda x, a: x[0].t().t(),
    "unsqueeze_expand_reshape": lambda x, a: x[0].unsqueeze(a["dim"]).expand(*a["sizes"]).reshape(tuple(a["shape"])),
    "expand_sum_dim": lambda x, a: x[0].expand(*a["sizes"]).sum(a["dim"], keepdim=a["keepdim"]),
    "squeeze_unsqueeze": lambda x, a: x[0].squeeze().unsqueeze(a["dim"]),
    "transpose_mul": lambda x, a: x[0].transpose(0, 1) * x[1],
    "transpose_exp": lambda x, a: x[0].transpose(0, 1).exp(),
    "transpose_mul_scalar": lambda x, a: x[0].transpose(0, 1) * a["s"],
    "add_transposed": lambda x, a: x[0] + x[1].transpose(0, 1),
    "transposed_add_transposed": lambda x, a: x[0].transpose(0, 1) + x[1].transpose(0, 1),
    "permute_sigmoid": lambda x, a: x[0].permute(*a["dims"]).sigmoid(),
    "permute_gt": lambda x, a: x[0].permute(*a["dims"]) > 0,
    "t_view": lambda x, a: x[0].t().view(tuple(a["shape"])),
    "item": lambda x, a: torch.tensor(x[0].item()),
    # nn.functional and friends
    "softmax": lambda x, a: x[0].softmax(a["dim"]),
    "log_softmax": lambda x, a: x[0].log_softmax(a["dim"]),
    "max": lambda x, a: x[0].max(),
    "argmax": lambda x, a: x[0].argmax(),
    "argmax_dim": lambda x, a: x[0].argmax(a["dim"], keepdim=a["keepdim"]),
    "addmm": lambda x, a: torch.addmm(x[0], x[1], x[2]),
    "linear": lambda x, a: torch.nn.functional.linear(x[0], x[1], x[2]),
    "linear_nobias": lambda x, a: torch.nn.functional.linear(x[0], x[1]),
    "nll_loss": lambda x, a: torch.nn.functional.nll_loss(x[0], x[1]),
    "cross_entropy": lambda x, a: torch.nn.functional.cross_entropy(x[0], x[1]),
    "mse_loss": lambda x, a: torch.nn.functional.mse_loss(x[0], x[1]),
    # factories (no inputs)
    "zeros": lambda x, a: torch.zeros(tuple(a["size"])),
    "ones": lambda x, a: torch.ones(tuple(a["size"]), dtype=DTYPES[a["dtype"]]),
    "full": lambda x, a: torch.full(a["size"], a["s"]),
    "eye": lambda x, a: torch.eye(a["n"], a["m"]),
    "arange": lambda x, a: torch.arange(a["start"], a["end"], a["step"]),
    "linspace": lambda x, a: torch.linspace(a["start"], a["end"], a["steps"]),
    "zeros_rg": lambda x, a: torch.zeros(tuple(a["size"]), requires_grad=True),
    "zeros_like": lambda x, a: torch.zeros_like(x[0]),
    "ones_like": lambda x, a: torch.ones_like(x[0]),
    "full_like": lambda x, a: torch.full_like(x[0], a["s"]),
    # comparisons and logic
    "eq": lambda x, a: x[0] == x[1],
    "ne": lambda x, a: x[0] != x[1],
    "gt": lambda x, a: x[0] > x[1],
    "ge": lambda x, a: x[0] >= x[1],
    "lt": lambda x, a: x[0] < x[1],
    "le": lambda x, a: x[0] <= x[1],
    "eq_scalar": lambda x, a: x[0] == a["s"],
    "gt_scalar": lambda x, a: x[0] > a["s"],
    "le_scalar": lambda x, a: x[0] <= a["s"],
    "logical_and": lambda x, a: x[0].logical_and(x[1]),
    "logical_or": lambda x, a: x[0].logical_or(x[1]),
    "logical_not": lambda x, a: x[0].logical_not(),
    # in place, on a fresh clone so the leaf itself is not written
    "add_": lambda x, a: x[0].clone().add_(x[1]),
    "add_scalar_": lambda x, a: x[0].clone().add_(a["s"]),
    "sub_": lambda x, a: x[0].clone().sub_(x[1]),
    "sub_scalar_": lambda x, a: x[0].clone().sub_(a["s"]),
    "mul_": lambda x, a: x[0].clone().mul_(x[1]),
    "mul_scalar_": lambda x, a: x[0].clone().mul_(a["s"]),
    "div_": lambda x, a: x[0].clone().div_(x[1]),
    "div_scalar_": lambda x, a: x[0].clone().div_(a["s"]),
    "zero_": lambda x, a: x[0].clone().zero_(),
    "fill_": lambda x, a: x[0].clone().fill_(a["s"]),
    "copy_": lambda x, a: x[0].clone().copy_(x[1]),
    "clamp_": lambda x, a: x[0].clone().clamp_(min=a.get("min"), max=a.get("max")),
    "relu_": lambda x, a: x[0].clone().relu_(),
    # in place on tensors that need no grad (no clone: the input itself is the result)
    "add_nograd_": lambda x, a: x[0].add_(x[1]),
    "mul_scalar_nograd_": lambda x, a: x[0].mul_(a["s"]),
}


class T:
    """An input tensor spec: shape, dtype, value kind (n normal, p positive, i ints, b bools), requires_grad."""

    def __init__(self, shape, dtype="float32", kind=None, grad=None):
        self.shape = list(shape)
        self.dtype = dtype
        self.kind = kind or {"int64": "i", "bool": "b"}.get(dtype, "n")
        floating = dtype in ("float32", "float64")
        self.grad = floating if grad is None else grad

    def make(self, gen):
        shape = self.shape
        if self.kind == "n":
            t = torch.randn(shape, generator=gen, dtype=torch.float64)
        elif self.kind == "p":
            t = torch.rand(shape, generator=gen, dtype=torch.float64) * 1.5 + 0.5
        elif self.kind == "i":
            t = torch.randint(-5, 6, shape, generator=gen)
        elif self.kind == "ip":
            t = torch.randint(1, 6, shape, generator=gen)
        elif self.kind == "edge":  # kinks and domain edges on purpose: 0, ±0.5, negatives
            t = torch.tensor([-1., -0.5, 0., 0.5, 1., 2.], dtype=torch.float64)[:math.prod(shape)].reshape(shape)
        elif self.kind.startswith("k"):  # class labels 0 … k-1
            t = torch.randint(0, int(self.kind[1:]), shape, generator=gen)
        elif self.kind == "b":
            t = torch.randint(0, 2, shape, generator=gen).bool()
        else:
            raise ValueError(self.kind)
        t = t.to(DTYPES[self.dtype])
        return t.requires_grad_(self.grad)

    def label(self):
        dims = "x".join(str(s) for s in self.shape) or "0d"
        positive = {"p": "+", "ip": "+", "edge": "edge:"}.get(self.kind, "<" + self.kind[1:] if self.kind[0] == "k" else "")
        return dims + ":" + positive + {"float32": "f32", "float64": "f64", "int64": "i64", "bool": "b"}[self.dtype]


def seeded(name):
    """A generator seeded from the case name, so adding a case never changes another's values."""
    return torch.Generator().manual_seed(zlib.crc32(name.encode()))


def encode(t):
    """Shape, dtype and the exact values (float32 widened to double exactly; bools as 0/1)."""
    if t is None:
        return None
    t = t.detach()
    flat = t.reshape(-1).tolist()
    if t.dtype == torch.bool:
        values = [int(v) for v in flat]
    elif t.dtype.is_floating_point:
        values = [float(v) for v in flat]
    else:
        values = [int(v) for v in flat]
    return {"shape": list(t.shape), "dtype": DTYPE_NAMES[t.dtype], "values": values}


def encode_input(t):
    out = encode(t)
    out["requires_grad"] = t.requires_grad
    return out


def node_name(fn):
    return None if fn is None else fn.name().replace("torch::autograd::", "")


def graph_text(fn):
    """The whole backward graph as nested text, e.g. MulBackward0(AccumulateGrad, None)."""
    if fn is None:
        return "None"
    kids = [graph_text(f) for f, _ in fn.next_functions]
    return node_name(fn) + ("(" + ", ".join(kids) + ")" if kids else "")


def error_text(e):
    """torch's message without the C++ frames some builds append."""
    return str(e).split("\nException raised from")[0]


def write(filename, generator, cases, **extra):
    doc = {"generator": "tools/goldens/" + generator, "torch": torch.__version__, "cases": cases}
    doc.update(extra)
    os.makedirs(GOLDEN_DIR, exist_ok=True)
    with open(os.path.join(GOLDEN_DIR, filename), "w") as f:
        json.dump(doc, f, sort_keys=True, indent=1)
        f.write("\n")
    print(f"{filename}: {len(cases)} cases")

#!/usr/bin/python3
"""Writes autograd-core/src/test/resources/goldens/indexing.json from real PyTorch 1.13 (CPU).

Indexing, views, assignment into parts, joins and the reductions beyond sum/mean. Each case runs
one op (OPS below; IndexingTable.java is the same table in Java) on seeded inputs, then backward
with a fixed non-uniform gradient; it records the output, its repr and grad_fn name, and each
input's gradient, or the error message when the op fails.

Run: /usr/bin/python3 tools/goldens/gen_indexing.py   (deterministic: same file every run)
"""
import torch
import torch.nn.functional as F

from golden_common import T, encode, encode_input, error_text, node_name, seeded, write


def sl(dim, s):
    return (slice(None),) * dim + (s,)


def setitem(y, key, value):
    y[key] = value
    return y


def inplace_view(x, a):
    y = x[0] * 1
    getattr(y[sl(a["dim"], a["index"])], a["method"])(x[1] if a.get("tensor") else a["s"])
    return y


def view_after_inplace(x, a):
    y = x[0].clone()
    v = y[a["index"]]
    y.mul_(2)
    return v


OPS = {
    "select": lambda x, a: x[0].select(a["dim"], a["index"]),
    "getitem_int": lambda x, a: x[0][a["index"]],
    "slice": lambda x, a: x[0][sl(a["dim"] % x[0].dim(), slice(a.get("start"), a.get("end"), a["step"]))],
    "narrow": lambda x, a: x[0].narrow(a["dim"], a["start"], a["length"]),
    "split": lambda x, a: x[0].split(a["size"], a["dim"])[a["i"]],
    "split_sizes": lambda x, a: x[0].split(a["sizes"], a["dim"])[a["i"]],
    "chunk": lambda x, a: x[0].chunk(a["chunks"], a["dim"])[a["i"]],
    "chunk_count": lambda x, a: torch.tensor(len(x[0].chunk(a["chunks"], a["dim"]))),
    "index_select": lambda x, a: x[0].index_select(a["dim"], x[1]),
    "gather": lambda x, a: x[0].gather(a["dim"], x[1]),
    "index": lambda x, a: x[0][x[1]],
    "index2": lambda x, a: x[0][x[1], x[2]],
    "masked_select": lambda x, a: x[0].masked_select(x[1]),
    "masked_fill": lambda x, a: x[0].masked_fill(x[1], a["s"]),
    "masked_fill_": lambda x, a: (x[0] * 1).masked_fill_(x[1], a["s"]),
    "where_scalar_other": lambda x, a: torch.where(x[0], x[1], a["s"]),
    "where_scalar_self": lambda x, a: torch.where(x[0], a["s"], x[1]),
    "cat": lambda x, a: torch.cat(x, a["dim"]),
    "stack": lambda x, a: torch.stack(x, a["dim"]),
    "max_dim_values": lambda x, a: x[0].max(a["dim"], keepdim=a["keepdim"]).values,
    "max_dim_indices": lambda x, a: x[0].max(a["dim"], keepdim=a["keepdim"]).indices,
    "min_dim_values": lambda x, a: torch.min(x[0], a["dim"], keepdim=a["keepdim"]).values,
    "min_dim_indices": lambda x, a: torch.min(x[0], a["dim"], keepdim=a["keepdim"]).indices,
    "min": lambda x, a: x[0].min(),
    "argmin": lambda x, a: x[0].argmin(),
    "argmin_dim": lambda x, a: x[0].argmin(a["dim"], keepdim=a["keepdim"]),
    "prod": lambda x, a: x[0].prod(),
    "prod_dim": lambda x, a: x[0].prod(a["dim"], keepdim=a["keepdim"]),
    "norm": lambda x, a: x[0].norm(),
    "norm_p": lambda x, a: x[0].norm(p=a["p"]),
    "norm_dim": lambda x, a: x[0].norm(p=a["p"], dim=a["dim"], keepdim=a["keepdim"]),
    "std": lambda x, a: x[0].std(),
    "std_unbiased": lambda x, a: x[0].std(unbiased=a["unbiased"]),
    "std_dim": lambda x, a: x[0].std(a["dim"], unbiased=a["unbiased"], keepdim=a["keepdim"]),
    "var": lambda x, a: x[0].var(),
    "var_dim": lambda x, a: x[0].var(a["dim"], unbiased=a["unbiased"], keepdim=a["keepdim"]),
    "logsumexp": lambda x, a: x[0].logsumexp(a["dim"], keepdim=a["keepdim"]),
    "one_hot": lambda x, a: F.one_hot(x[0], a["n"]),
    "functional_sum_dim": lambda x, a: torch.sum(x[0], a["dim"]),
    "functional_mean_dim": lambda x, a: torch.mean(x[0], a["dim"], keepdim=a["keepdim"]),
    "functional_softmax": lambda x, a: torch.softmax(x[0], a["dim"]),
    "functional_max_values": lambda x, a: torch.max(x[0], a["dim"]).values,
    # assignment into parts of a tensor with history (CopySlices, IndexPutBackward0)
    "setitem_element": lambda x, a: setitem(x[0] * 1, tuple(a["index"]), a["s"]),
    "setitem_slice": lambda x, a: setitem(x[0] * 1, slice(a["start"], a["end"]), a["s"]),
    "setitem_mask": lambda x, a: setitem(x[0] * 1, x[0] > a["t"], a["s"]),
    "setitem_tensor_row": lambda x, a: setitem(torch.zeros(x[0].shape), a["index"], x[1]),
    "setitem_tensor_element": lambda x, a: setitem(x[0] * 1, tuple(a["index"]), x[1]),
    "setitem_mask_tensor": lambda x, a: setitem(x[0] * 1, x[1], x[2]),
    "inplace_on_view": inplace_view,
    "view_after_inplace": view_after_inplace,
}


class Fixed:
    """An input with given values (indices, masks)."""

    def __init__(self, values, dtype=None, grad=False):
        self.values, self.dtype, self.grad = values, dtype, grad

    def make(self, gen):
        return torch.tensor(self.values, dtype=self.dtype).requires_grad_(self.grad)

    def label(self):
        text = str(self.values).replace(" ", "").replace("True", "1").replace("False", "0")
        kind = {torch.long: "i64", torch.bool: "b", torch.float32: "f32"}.get(self.dtype, "")
        return kind + (text if len(text) <= 24 else text[:16] + "…" + str(len(text)))


def grad_for(out):
    """A fixed gradient with distinct entries, so every path's weight shows in the input grads."""
    n = out.numel()
    return (torch.arange(n, dtype=torch.float64) * 0.5 - 1.25).reshape(out.shape).to(out.dtype)


def run_case(name, op, inputs, args):
    gen = seeded(name)
    xs = [spec.make(gen) for spec in inputs]
    case = {"name": name, "op": op, "args": args, "inputs": [encode_input(x) for x in xs]}
    try:
        out = OPS[op](xs, args)
    except Exception as e:  # noqa: BLE001 - the message is the golden
        case["error"] = error_text(e)
        return case
    case.update(out=encode(out), repr=repr(out), grad_fn=node_name(out.grad_fn))
    if out.requires_grad:
        g = grad_for(out)
        out.backward(g)
        case["grad_out"] = encode(g)
        case["grads"] = [encode(x.grad) if x.requires_grad else None for x in xs]
    return case


CASES = []


def add(op, inputs, **args):
    label = ",".join(s.label() for s in inputs)
    arg_text = ",".join(f"{k}={v}" for k, v in sorted(args.items()))
    CASES.append((f"{op}[{label}]({arg_text})", op, inputs, args))


L = torch.long
SHAPES = [[5], [3, 4], [2, 3, 4]]


def views():
    for shape in SHAPES:
        for dim in range(-len(shape), len(shape)):
            for index in (0, shape[dim] - 1, -1, shape[dim], -shape[dim] - 1):
                add("select", [T(shape)], dim=dim, index=index)
            for start, end, step in ((None, None, 1), (1, None, 1), (0, 3, 2), (-2, None, 1), (1, 100, 3),
                                     (3, 1, 1), (None, None, 0)):
                add("slice", [T(shape)], dim=dim, start=start, end=end, step=step)
            for start, length in ((0, 1), (1, shape[dim] - 1), (-2, 2), (0, shape[dim] + 1), (shape[dim] + 1, 0)):
                add("narrow", [T(shape)], dim=dim, start=start, length=length)
            for size in (1, 2, 3):
                for i in range(0, (shape[dim] + size - 1) // size, 2):
                    add("split", [T(shape)], size=size, dim=dim, i=i)
            for chunks in (1, 2, 3):
                add("chunk", [T(shape)], chunks=chunks, dim=dim, i=0)
                add("chunk_count", [T(shape, grad=False)], chunks=chunks, dim=dim)
        add("getitem_int", [T(shape)], index=1)
        add("getitem_int", [T(shape)], index=-1)
        add("split_sizes", [T(shape)], sizes=[1, shape[0] - 1], dim=0, i=1)
        add("split_sizes", [T(shape)], sizes=[1, 1], dim=0, i=0)
    add("select", [T([], grad=True)], dim=0, index=0)
    add("select", [T([3], "int64")], dim=0, index=1)
    add("chunk", [T([])], chunks=1, dim=0, i=0)
    add("chunk", [T([4])], chunks=0, dim=0, i=0)
    add("split", [T([4])], size=-1, dim=0, i=0)


def indexing():
    for shape in SHAPES:
        for dim in range(len(shape)):
            n = shape[dim]
            add("index_select", [T(shape), Fixed([n - 1, 0, n - 1], L)], dim=dim)
            add("index_select", [T(shape), Fixed([n], L)], dim=dim)
            idx_shape = list(shape)
            idx_shape[dim] = 2
            gen = torch.Generator().manual_seed(len(shape) * 10 + dim)
            idx = torch.randint(0, n, idx_shape, generator=gen).tolist()
            add("gather", [T(shape), Fixed(idx, L)], dim=dim)
        add("index_select", [T(shape), Fixed([0.], torch.float32)], dim=0)
        add("index", [T(shape), Fixed([1, 0, -1], L)])
        add("index", [T(shape), Fixed([[0, 1], [1, 0]], L)])
        add("index", [T(shape), Fixed([shape[0]], L)])
        mask = (torch.arange(shape[0] * (shape[1] if len(shape) > 1 else 1)) % 3 != 1)
        mask = mask.reshape(shape[:2]).tolist()
        add("index", [T(shape), Fixed(mask, torch.bool)])
        add("index", [T(shape), Fixed([True] * (shape[0] + 1), torch.bool)])
        full_mask = (torch.arange(torch.Size(shape).numel()) % 2 == 0).reshape(shape).tolist()
        add("masked_select", [T(shape), Fixed(full_mask, torch.bool)])
        add("masked_select", [T(shape), Fixed([True] + [False] * (shape[-1] - 1), torch.bool)])
        add("masked_select", [T(shape), Fixed(full_mask, L)])
        for s in (0., -1.5):
            add("masked_fill", [T(shape), Fixed(full_mask, torch.bool)], s=s)
            add("masked_fill_", [T(shape), Fixed(full_mask, torch.bool)], s=s)
            add("where_scalar_other", [Fixed(full_mask, torch.bool), T(shape)], s=s)
            add("where_scalar_self", [Fixed(full_mask, torch.bool), T(shape)], s=s)
    add("masked_fill", [T([3], "int64"), Fixed([True, False, True], torch.bool)], s=7.)
    add("masked_fill", [T([3]), Fixed([1, 0, 1], L)], s=0.)
    for shape in ([3, 4], [2, 3, 4]):
        add("index2", [T(shape), Fixed([0, 1, 2][:shape[0]], L), Fixed([1, 0, 2][:shape[0]], L)])
        add("index2", [T(shape), Fixed([[0], [1]], L), Fixed([2, 0, 1], L)])
        add("index2", [T(shape), Fixed([-1], L), Fixed([0, -2], L)])
        add("index2", [T(shape), Fixed([0], L), Fixed([shape[1]], L)])
    add("index2", [T([3]), Fixed([0], L), Fixed([0], L)])
    add("gather", [T([3, 4]), Fixed([[0, 4]], L)], dim=1)
    add("gather", [T([3, 4]), Fixed([0, 1], L)], dim=1)
    add("gather", [T([3, 4], "int64"), Fixed([[3, 0], [1, 1]], L)], dim=1)


def joins():
    for shape in SHAPES:
        for dim in range(-len(shape), len(shape)):
            other = list(shape)
            other[dim] = 2
            add("cat", [T(shape), T(other)], dim=dim)
            add("cat", [T(shape), T(shape, grad=False), T(shape)], dim=dim)
        for dim in range(-len(shape) - 1, len(shape) + 1):
            add("stack", [T(shape), T(shape)], dim=dim)
    add("cat", [T([2, 3]), T([2, 4])], dim=0)
    add("cat", [T([2, 3]), T([3])], dim=0)
    add("cat", [T([2]), T([0])], dim=0)
    add("cat", [T([2, 3]), T([0])], dim=1)
    add("cat", [T([2], "int64"), T([2])], dim=0)
    add("cat", [T([]), T([])], dim=0)
    add("stack", [T([2]), T([3])], dim=0)
    add("stack", [T([2, 3]), T([2, 3])], dim=3)


def reductions():
    for shape in SHAPES:
        add("min", [T(shape)])
        add("argmin", [T(shape)])
        add("prod", [T(shape, kind="p")])
        add("norm", [T(shape)])
        add("std", [T(shape)])
        add("var", [T(shape)])
        for p in (1, 3, 0.5):
            add("norm_p", [T(shape)], p=p)
        add("std_unbiased", [T(shape)], unbiased=False)
        for dim in range(-len(shape), len(shape)):
            for keepdim in (False, True):
                for op in ("max_dim_values", "max_dim_indices", "min_dim_values", "min_dim_indices", "argmin_dim",
                           "prod_dim", "logsumexp"):
                    add(op, [T(shape)], dim=dim, keepdim=keepdim)
                add("norm_dim", [T(shape)], p=2, dim=dim, keepdim=keepdim)
                add("std_dim", [T(shape)], dim=dim, unbiased=keepdim, keepdim=keepdim)
                add("var_dim", [T(shape)], dim=dim, unbiased=not keepdim, keepdim=keepdim)
            add("functional_sum_dim", [T(shape)], dim=dim)
            add("functional_mean_dim", [T(shape)], dim=dim, keepdim=True)
            add("functional_softmax", [T(shape)], dim=dim)
            add("functional_max_values", [T(shape)], dim=dim)
    add("prod", [Fixed([2., 0., 3.], grad=True)])
    add("prod", [Fixed([0., 0., 3.], grad=True)])
    add("prod_dim", [Fixed([[2., 0., 3.], [1., 4., 0.5]], grad=True)], dim=1, keepdim=False)
    add("prod", [T([4], "int64")])
    add("max_dim_values", [Fixed([[1., 3., 3.], [2., 2., 1.]], grad=True)], dim=1, keepdim=False)
    add("max_dim_indices", [Fixed([[1., float("nan"), 3.]])], dim=1, keepdim=False)
    add("min", [Fixed([2., 1., 1.], grad=True)])
    add("min", [Fixed([], torch.float32)])
    add("argmin", [Fixed([], torch.float32)])
    add("max_dim_values", [T([2, 0])], dim=1, keepdim=False)
    add("min_dim_values", [T([3, 4])], dim=2, keepdim=False)
    add("norm", [Fixed([0., 0.], grad=True)])
    add("std", [T([1], grad=False)])
    add("std", [T([3], "int64")])
    add("logsumexp", [Fixed([[1000., 1000.], [-float("inf"), 0.]], grad=True)], dim=1, keepdim=False)
    add("argmin_dim", [T([3, 4], "int64")], dim=1, keepdim=False)
    add("min_dim_values", [T([3, 4], "int64")], dim=0, keepdim=False)
    for labels, n in (([0, 2, 1], -1), ([[0, 1], [3, 2]], 5), ([1, 3], 3), ([-1], 3), ([1.], 3)):
        add("one_hot", [Fixed(labels, torch.float32 if isinstance(labels[0], float) else L)], n=n)


def assignment():
    for shape in ([4], [3, 4]):
        add("setitem_element", [T(shape)], index=[1] * len(shape), s=5.)
        add("setitem_element", [T(shape)], index=[-1] * len(shape), s=-2.)
        add("setitem_slice", [T(shape)], start=1, end=3, s=0.)
        add("setitem_mask", [T(shape)], t=0., s=0.)
        add("setitem_tensor_row", [T(shape, grad=False), T(shape[1:])], index=0)
        add("setitem_tensor_element", [T(shape), T([])], index=[0] * len(shape))
        add("setitem_mask_tensor", [T(shape), Fixed([True, False, True][:shape[0]] + [False] * (shape[0] - 3),
                                                    torch.bool), T([])])
        for method in ("mul_", "add_", "sub_", "div_"):
            add("inplace_on_view", [T(shape), T([])], dim=len(shape) - 1, index=0, method=method, tensor=True)
            add("inplace_on_view", [T(shape)], dim=0, index=slice(0, 2) and 1, method=method, s=2.)
        add("inplace_on_view", [T(shape)], dim=0, index=0, method="fill_", s=3.)
        add("inplace_on_view", [T(shape)], dim=0, index=0, method="clamp_", s=0.)
        add("view_after_inplace", [T(shape)], index=1)


def main():
    assert torch.__version__.startswith("1.13"), torch.__version__
    for group in (views, indexing, joins, reductions, assignment):
        group()
    names = [c[0] for c in CASES]
    assert len(names) == len(set(names)), [n for n in names if names.count(n) > 1]
    write("indexing.json", "gen_indexing.py", [run_case(*c) for c in CASES])


if __name__ == "__main__":
    main()

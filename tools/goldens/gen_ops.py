#!/usr/bin/python3
"""Writes autograd-core/src/test/resources/goldens/ops.json from real PyTorch 1.13 (CPU).

One case per op call: the inputs (exact values, seeded by the case name), the scalar
arguments, the output (values, shape, dtype, repr), its grad_fn, next_functions and whole
backward graph, and, when the output requires grad, the gradient of every input after
out.backward(upstream) with a seeded upstream gradient. Read by OpGoldenTest and GradCheckTest.

Run: /usr/bin/python3 tools/goldens/gen_ops.py   (deterministic: same file every run)
"""
import torch

from golden_common import OPS, T, encode, encode_input, graph_text, node_name, seeded, write

F32, F64, I64, B = "float32", "float64", "int64", "bool"

BROADCAST = [((3,), (3,)), ((2, 3), (3,)), ((3,), (2, 3)), ((2, 1), (1, 3)), ((4, 1, 3), (2, 3)),
             ((), (2, 3)), ((2, 3), ()), ((), ()), ((2, 3), (2, 3)), ((1,), (2, 3))]
DTYPE_PAIRS = [(F32, F64), (F64, F32), (F64, F64), (I64, F32), (F32, I64), (I64, I64), (B, I64),
               (B, F32), (I64, F64)]


def binary_cases():
    out = []
    for op in ("add", "sub", "mul", "div", "rsub"):
        for sa, sb in BROADCAST:
            out.append((op, [T(sa), T(sb, kind="p" if op == "div" else "n")], {}))
        for da, db in DTYPE_PAIRS:
            if op in ("sub", "rsub") and B in (da, db):
                continue  # bool subtraction is an error (errors.json)
            kb = "p" if op == "div" and db in (F32, F64) else ("ip" if op == "div" else None)
            out.append((op, [T((2, 3), da), T((3,), db, kind=kb)], {}))
    # torch.add(a, b, alpha=...): one fused multiply-add per element, one AddBackward0 node;
    # 37 elements reach both PyTorch's vector loop and its scalar tail
    for alpha in (0.3, -1.7, 2.5):
        out.append(("add_alpha", [T((37,)), T((37,))], {"alpha": alpha}))
    out.append(("add_alpha", [T((2, 3)), T((3,))], {"alpha": 0.1}))
    out.append(("add_alpha", [T((4, 37), F64), T((37,), F64)], {"alpha": -0.7}))
    out.append(("add_alpha", [T((3, 1)), T((1, 5), grad=False)], {"alpha": 3.3}))
    out.append(("add_alpha", [T((2, 3), I64), T((3,), I64)], {"alpha": 3}))
    # a 0-dim tensor of a wider float type does not widen a dimensioned one (category rule)
    for op in ("add", "mul"):
        out.append((op, [T((2, 3), F32), T((), F64)], {}))
        out.append((op, [T((), F64), T((3,), F32)], {}))
        out.append((op, [T((2, 3), I64), T((), F64)], {}))
        out.append((op, [T((2, 3), I64), T((), F32)], {}))
        out.append((op, [T((2,), B), T((2,), B)], {}))
    # one side without grad: next_functions shows None for it
    out.append(("mul", [T((2, 3)), T((3,), grad=False)], {}))
    out.append(("div", [T((2, 3), grad=False), T((3,), kind="p")], {}))
    out.append(("sub", [T((3,), grad=False), T((2, 3))], {}))
    for sa, sb in BROADCAST[:6]:
        out.append(("pow", [T(sa, kind="p"), T(sb)], {}))
    out.append(("pow", [T((2, 3), F64, kind="p"), T((3,), F32)], {}))
    out.append(("pow", [T((2, 3), I64, kind="ip", grad=False), T((3,), I64, kind="ip")], {}))
    out.append(("pow", [T((2, 3), kind="p", grad=False), T((3,))], {}))
    return out


def scalar_cases():
    out = []
    for op in ("add_scalar", "sub_scalar", "rsub_scalar", "mul_scalar", "div_scalar", "rdiv_scalar"):
        for s in (2, 0.5, -1.5):
            for dtype in (F32, F64, I64):
                kind = "p" if op == "rdiv_scalar" and dtype != I64 else ("ip" if op == "rdiv_scalar" else None)
                out.append((op, [T((2, 3), dtype, kind=kind)], {"s": s}))
        out.append((op, [T((), kind="p" if op == "rdiv_scalar" else None)], {"s": 3}))
        if op not in ("sub_scalar", "rsub_scalar"):
            out.append((op, [T((4,), B)], {"s": 2}))
    for s in (2, 3, 0.5, -1, 0, -2.5, 1):
        out.append(("pow_scalar", [T((2, 3), kind="p")], {"s": s}))
    for s in (2, 3):
        out.append(("pow_scalar", [T((2, 3))], {"s": s}))
        out.append(("pow_scalar", [T((2, 3), F64, kind="p")], {"s": s + 0.5}))
        out.append(("pow_scalar", [T((2, 3), I64)], {"s": s}))
    out.append(("pow_scalar", [T((3,), I64, kind="ip")], {"s": 0.5}))
    for s in (2, 0.5, 3.5):
        out.append(("rpow_scalar", [T((2, 3))], {"s": s}))
        out.append(("rpow_scalar", [T((3,), F64)], {"s": s}))
    out.append(("rpow_scalar", [T((3,), I64)], {"s": 2}))
    return out


def unary_cases():
    out = []
    domain = {"log": "p", "sqrt": "p"}
    for op in ("neg", "exp", "log", "sqrt", "abs", "sign", "sin", "cos", "tanh", "sigmoid", "relu"):
        kind = domain.get(op, "n")
        for shape, dtype in (((2, 3), F32), ((4,), F64), ((), F32), ((2, 1, 3), F32)):
            out.append((op, [T(shape, dtype, kind=kind)], {}))
        out.append((op, [T((5,), I64, kind="ip" if op in domain else "i")], {}))
    for bounds in ({"min": -0.5, "max": 0.5}, {"min": -0.3}, {"max": 0.2}, {"min": 0.5, "max": -0.5}):
        out.append(("clamp", [T((2, 4))], bounds))
        out.append(("clamp", [T((5,), F64)], bounds))
    out.append(("clamp", [T((6,), I64)], {"min": -2, "max": 3}))
    for v in (-0.4, 0.25):
        out.append(("clamp_min", [T((2, 4))], {"min": v}))
        out.append(("clamp_max", [T((2, 4), F64)], {"max": v}))
    out.append(("where", [T((2, 3), B), T((2, 3)), T((3,))], {}))
    out.append(("where", [T((3,), B), T((2, 3), F64), T((), F64)], {}))
    return out


def reduction_cases():
    out = []
    for op in ("sum", "mean"):
        for shape, dtype in (((2, 3), F32), ((4,), F64), ((), F32), ((2, 3, 4), F32)):
            out.append((op, [T(shape, dtype)], {}))
        for dim in (0, 1, -1, -2):
            for keepdim in (False, True):
                out.append((op + "_dim", [T((2, 3))], {"dim": dim, "keepdim": keepdim}))
        for dims in ([0, 2], [-1, 0], [1], [0, 1, 2], []):
            for keepdim in (False, True):
                out.append((op + "_dims", [T((2, 3, 4))], {"dims": dims, "keepdim": keepdim}))
        out.append((op + "_dim", [T((), F64)], {"dim": 0, "keepdim": False}))
        out.append((op + "_dim", [T((3, 2), F64)], {"dim": -1, "keepdim": True}))
    out.append(("sum", [T((2, 3), I64)], {}))
    out.append(("sum", [T((5,), B)], {}))
    out.append(("sum_dim", [T((2, 3), I64)], {"dim": 1, "keepdim": False}))
    for size in ([1, 3], [2, 1], [1, 1], [3], [2, 3]):
        out.append(("sum_to_size", [T((2, 3))], {"size": size}))
    out.append(("sum_to_size", [T((4, 2, 3))], {"size": [2, 1]}))
    return out


MATMUL_SHAPES = [((3,), (3,)), ((2, 3), (3,)), ((3,), (3, 2)), ((2, 3), (3, 4)), ((4, 2, 3), (3,)),
                 ((4, 2, 3), (3, 2)), ((4, 2, 3), (4, 3, 2)), ((2, 3), (4, 3, 2)), ((3,), (4, 3, 2)),
                 ((5, 1, 2, 3), (4, 3, 2)), ((2, 4, 2, 3), (3,)), ((1, 2, 3), (4, 3, 2)), ((2, 3), (2, 2, 3, 2))]


def linalg_cases():
    out = []
    for sa, sb in MATMUL_SHAPES:
        out.append(("matmul", [T(sa), T(sb)], {}))
    for sa, sb in MATMUL_SHAPES[:8]:
        out.append(("matmul", [T(sa, F64), T(sb, F64, grad=False)], {}))
        out.append(("matmul", [T(sa, grad=False), T(sb)], {}))
    out.append(("matmul", [T((2, 3), I64), T((3, 2), I64)], {}))
    out.append(("matmul", [T((3,), I64), T((3,), I64)], {}))
    for dtype in (F32, F64):
        out.append(("mm", [T((2, 3), dtype), T((3, 4), dtype)], {}))
        out.append(("mv", [T((2, 3), dtype), T((3,), dtype)], {}))
        out.append(("dot", [T((4,), dtype), T((4,), dtype)], {}))
        out.append(("bmm", [T((2, 2, 3), dtype), T((2, 3, 4), dtype)], {}))
    # batches transposed in memory: PyTorch's should_fold sends the 3-D ones to bmm
    for sa, sb in (((4, 3, 2), (3, 2)), ((4, 3, 2), (3,)), ((2, 4, 3, 2), (3, 2)), ((3, 2), (3, 4))):
        out.append(("mT_matmul", [T(sa), T(sb)], {}))
    for sa, sb in (((2, 3), (4, 2, 3)), ((3,), (4, 2, 3)), ((4, 2, 3), (4, 5, 3)), ((2, 3), (2, 4, 2, 3))):
        out.append(("matmul_mT", [T(sa), T(sb)], {}))
    out.append(("mm", [T((1, 1)), T((1, 5), grad=False)], {}))
    out.append(("mv", [T((3, 2), grad=False), T((2,))], {}))
    out.append(("bmm", [T((3, 1, 2)), T((3, 2, 1))], {}))
    return out


def shape_cases():
    out = []
    for shape, dtype in (((2, 3), F32), ((3,), F64), ((), F32), ((1, 4), I64)):
        out.append(("t", [T(shape, dtype)], {}))
    for d0, d1 in ((0, 1), (1, 0), (-1, 0), (0, 2), (1, -1), (2, 2)):
        out.append(("transpose", [T((2, 3, 4))], {"dim0": d0, "dim1": d1}))
    for dims in ([1, 0, 2], [2, 0, 1], [-1, -3, -2], [0, 1, 2]):
        out.append(("permute", [T((2, 3, 4))], {"dims": dims}))
    for shape in ([6], [3, 2], [-1], [1, 6], [2, -1, 1], [3, 1, 2]):
        out.append(("view", [T((2, 3))], {"shape": shape}))
        out.append(("reshape", [T((2, 3))], {"shape": shape}))
    out.append(("view", [T((), F64)], {"shape": [1]}))
    out.append(("reshape", [T((1,))], {"shape": []}))
    out.append(("reshape", [T((2, 3), I64)], {"shape": [3, 2]}))
    for shape, dtype in (((2, 3), F32), ((4,), F32), ((), F64), ((2, 1, 2), F64)):
        out.append(("flatten", [T(shape, dtype)], {}))
    for shape in ((1, 3, 1), (2, 3), (1,), (1, 1)):
        out.append(("squeeze", [T(shape)], {}))
    for shape, dim in (((1, 3, 1), 0), ((1, 3, 1), -1), ((2, 3), 0), ((2, 1, 3), 1)):
        out.append(("squeeze_dim", [T(shape)], {"dim": dim}))
    for shape, dim in (((2, 3), 0), ((2, 3), 2), ((2, 3), -1), ((3,), 1), ((), 0)):
        out.append(("unsqueeze", [T(shape)], {"dim": dim}))
    for shape, sizes in (((3,), [2, 3]), ((2, 1), [2, 4]), ((1, 3), [-1, 3]), ((1, 3), [4, 2, 3]),
                         ((), [2, 2]), ((2, 1), [3, -1, 2]), ((2, 3), [2, 3])):
        out.append(("expand", [T(shape)], {"sizes": sizes}))
    out.append(("expand_as", [T((3, 1)), T((2, 3, 4), grad=False)], {}))
    out.append(("contiguous", [T((2, 3))], {}))
    out.append(("clone", [T((2, 3))], {}))
    out.append(("clone", [T((3,), I64)], {}))
    for src, dst in ((F32, F64), (F64, F32), (F32, F32), (I64, F32), (F32, I64), (B, F64), (F64, B)):
        out.append(("to", [T((2, 3), src)], {"dtype": dst}))
    out.append(("view_view", [T((2, 3))], {"shape": [6], "shape2": [3, 2]}))
    out.append(("view_view", [T((2, 2, 2), F64)], {"shape": [4, 2], "shape2": [2, 4]}))
    out.append(("transpose_reshape", [T((2, 3))], {"dim0": 0, "dim1": 1, "shape": [6]}))
    out.append(("transpose_reshape", [T((2, 3, 4))], {"dim0": 0, "dim1": 1, "shape": [3, 8]}))
    out.append(("transpose_reshape", [T((2, 3, 4))], {"dim0": 1, "dim1": 2, "shape": [2, 12]}))
    out.append(("permute_contiguous_view", [T((2, 3, 4))], {"dims": [2, 0, 1], "shape": [4, 6]}))
    out.append(("t_t", [T((2, 3))], {}))
    out.append(("unsqueeze_expand_reshape", [T((2, 3))], {"dim": 1, "sizes": [2, 4, 3], "shape": [8, 3]}))
    out.append(("expand_sum_dim", [T((3,))], {"sizes": [4, 3], "dim": 0, "keepdim": False}))
    out.append(("expand_sum_dim", [T((2, 1))], {"sizes": [2, 5], "dim": -1, "keepdim": True}))
    out.append(("squeeze_unsqueeze", [T((1, 3, 1))], {"dim": 0}))
    out.append(("transpose_mul", [T((3, 2)), T((2, 3))], {}))
    out.append(("transpose_mul", [T((3, 2)), T((3,))], {}))
    # elementwise results take the layout of their inputs (TensorIterator), strides compared
    out.append(("transpose_exp", [T((3, 2))], {}))
    out.append(("transpose_mul_scalar", [T((4, 3), F64)], {"s": 2.5}))
    out.append(("transpose_mul_scalar", [T((1, 3))], {"s": 2}))
    out.append(("add_transposed", [T((2, 3)), T((3, 2))], {}))
    out.append(("add_transposed", [T((3,)), T((3, 2))], {}))
    out.append(("transposed_add_transposed", [T((3, 2)), T((3, 2))], {}))
    out.append(("permute_sigmoid", [T((2, 3, 4))], {"dims": [2, 0, 1]}))
    out.append(("permute_sigmoid", [T((2, 1, 4))], {"dims": [1, 2, 0]}))
    out.append(("permute_gt", [T((2, 3, 4), grad=False)], {"dims": [1, 2, 0]}))
    return out


def edge_cases():
    """Values at kinks and domain edges on purpose: the subgradient PyTorch picks, inf and nan."""
    out = []
    edge = T((6,), kind="edge")
    for op in ("relu", "abs", "sign", "sqrt", "log", "exp", "sigmoid", "tanh", "relu_"):
        out.append((op, [edge], {}))
    out.append(("clamp", [edge], {"min": -0.5, "max": 0.5}))
    out.append(("clamp_min", [edge], {"min": 0.0}))
    out.append(("clamp_max", [edge], {"max": 0.5}))
    for s in (2, 0.5, 0, -1):
        out.append(("pow_scalar", [edge], {"s": s}))
    out.append(("rdiv_scalar", [edge], {"s": 1}))
    out.append(("div", [T((6,), kind="p"), T((6,), kind="edge")], {}))
    out.append(("pow", [T((6,), kind="edge"), T((6,), kind="edge")], {}))
    out.append(("rpow_scalar", [edge], {"s": 0}))
    out.append(("sqrt", [T((6,), F64, kind="edge")], {}))
    out.append(("log", [T((6,), F64, kind="edge")], {}))
    return out


def nn_cases():
    out = []
    for op in ("softmax", "log_softmax"):
        for shape, dim in (((2, 3), 1), ((2, 3), 0), ((2, 3), -1), ((4,), 0), ((2, 3, 4), 1)):
            out.append((op, [T(shape)], {"dim": dim}))
        out.append((op, [T((3, 2), F64)], {"dim": -1}))
    out.append(("max", [T((2, 3))], {}))
    out.append(("max", [T((5,), F64)], {}))
    out.append(("max", [T((2, 3), I64)], {}))
    out.append(("argmax", [T((2, 3))], {}))
    for dim, keepdim in ((0, False), (1, False), (-1, True)):
        out.append(("argmax_dim", [T((3, 4))], {"dim": dim, "keepdim": keepdim}))
    for dtype in (F32, F64):
        out.append(("addmm", [T((4,), dtype), T((2, 3), dtype), T((3, 4), dtype)], {}))
        out.append(("linear", [T((5, 3), dtype), T((2, 3), dtype), T((2,), dtype)], {}))
    out.append(("addmm", [T((2, 4)), T((2, 3), grad=False), T((3, 4))], {}))
    out.append(("linear", [T((3,)), T((2, 3)), T((2,))], {}))
    out.append(("linear", [T((4, 2, 3)), T((2, 3)), T((2,))], {}))
    out.append(("linear_nobias", [T((5, 3)), T((2, 3))], {}))
    out.append(("linear", [T((5, 3), grad=False), T((2, 3)), T((2,))], {}))
    for n, c in ((4, 3), (1, 5), (6, 2)):
        out.append(("nll_loss", [T((n, c)), T((n,), I64, kind=f"k{c}")], {}))
        out.append(("cross_entropy", [T((n, c)), T((n,), I64, kind=f"k{c}")], {}))
    out.append(("cross_entropy", [T((3, 4), F64), T((3,), I64, kind="k4")], {}))
    for shape in ((2, 3), (4,), ()):
        out.append(("mse_loss", [T(shape), T(shape)], {}))
    out.append(("mse_loss", [T((2, 3), F64), T((2, 3), F64, grad=False)], {}))
    return out


def factory_cases():
    out = [("zeros", [], {"size": size}) for size in ([2, 3], [4], [])]
    out += [("ones", [], {"size": [2, 2], "dtype": d}) for d in (F32, F64, I64, B)]
    out += [("full", [], {"size": [2, 3], "s": s}) for s in (1.5, -0.25, 3)]
    out += [("eye", [], {"n": n, "m": m}) for n, m in ((3, 3), (2, 4), (4, 2))]
    out += [("arange", [], {"start": a, "end": b, "step": c}) for a, b, c in (
        (0, 5, 1), (2, 11, 3), (5, 0, -2), (0, 1, 0.1), (-1.5, 2.5, 0.5), (0.0, 3.0, 1.0), (1, 2.5, 0.25))]
    out += [("linspace", [], {"start": a, "end": b, "steps": n}) for a, b, n in (
        (0, 1, 5), (-1, 1, 7), (0, 1, 1), (2, -3, 4), (0, 10, 11), (0.1, 0.9, 9), (-1, 1, 21), (0, 1, 50),
        (-3.7, 2.2, 33), (0, 1, 0))]
    out += [("arange", [], {"start": a, "end": b, "step": c}) for a, b, c in ((0, 3, 0.1), (-2.5, 2.5, 0.3))]
    out.append(("zeros_rg", [], {"size": [2, 2]}))
    for spec in (T((2, 3)), T((3,), F64), T((2, 2), I64), T((2,), B)):
        out.append(("zeros_like", [spec], {}))
        out.append(("ones_like", [spec], {}))
    out.append(("full_like", [T((2, 3))], {"s": 0.5}))
    out.append(("full_like", [T((3,), I64)], {"s": 7}))
    return out


def compare_cases():
    out = []
    for op in ("eq", "ne", "gt", "ge", "lt", "le"):
        out.append((op, [T((2, 3), I64), T((3,), I64)], {}))
        out.append((op, [T((2, 3)), T((2, 3))], {}))
    out.append(("eq", [T((3,), F64), T((3,), I64)], {}))
    for op in ("eq_scalar", "gt_scalar", "le_scalar"):
        out.append((op, [T((2, 3))], {"s": 0.5}))
        out.append((op, [T((4,), I64)], {"s": 1}))
    out.append(("logical_and", [T((4,), B), T((4,), B)], {}))
    out.append(("logical_or", [T((4,), B), T((2, 4), B)], {}))
    out.append(("logical_not", [T((4,), B)], {}))
    out.append(("logical_and", [T((4,), I64), T((4,))], {}))
    return out


def inplace_cases():
    out = []
    for op in ("add_", "sub_", "mul_", "div_"):
        out.append((op, [T((2, 3), kind="p"), T((3,), kind="p")], {}))
        out.append((op, [T((2, 3), F64, kind="p"), T((2, 3), F32, kind="p", grad=False)], {}))
    for op in ("add_scalar_", "sub_scalar_", "mul_scalar_", "div_scalar_"):
        out.append((op, [T((2, 3))], {"s": 2}))
        out.append((op, [T((3,), F64)], {"s": 0.5}))
    out.append(("add_scalar_", [T((3,), I64)], {"s": 2}))
    out.append(("zero_", [T((2, 3))], {}))
    out.append(("fill_", [T((2, 3))], {"s": 1.5}))
    out.append(("copy_", [T((2, 3)), T((3,))], {}))
    out.append(("copy_", [T((2, 3), F64), T((2, 3), grad=False)], {}))
    out.append(("clamp_", [T((2, 3))], {"min": -0.5, "max": 0.5}))
    out.append(("relu_", [T((2, 3))], {}))
    out.append(("add_nograd_", [T((2, 3), grad=False), T((3,), grad=False)], {}))
    out.append(("add_nograd_", [T((2, 3), I64), T((3,), B)], {}))
    out.append(("mul_scalar_nograd_", [T((3,), F64, grad=False)], {"s": -2}))
    return out


def run(op, specs, args):
    label = " ".join([op] + [s.label() + ("" if s.grad else "(ng)") for s in specs])
    if args:
        label += " " + " ".join(f"{k}={args[k]}" for k in sorted(args))
    gen = seeded(label)
    inputs = [s.make(gen) for s in specs]
    encoded_inputs = [encode_input(t) for t in inputs]
    try:
        out = OPS[op](inputs, args)
    except Exception as e:
        raise RuntimeError(label) from e
    case = {"name": label, "op": op, "args": args, "inputs": encoded_inputs, "out": encode(out),
            "repr": repr(out), "requires_grad": out.requires_grad, "is_leaf": out.is_leaf,
            "at_kinks": any(spec.kind == "edge" for spec in specs), "is_contiguous": out.is_contiguous(),
            "stride": list(out.stride()),
            "grad_fn": node_name(out.grad_fn), "graph": graph_text(out.grad_fn),
            "next_functions": [node_name(f) for f, _ in out.grad_fn.next_functions] if out.grad_fn else None}
    if out.requires_grad:
        upstream = torch.randn(out.shape, generator=gen, dtype=torch.float64).to(out.dtype)
        out.backward(upstream)
        case["upstream"] = encode(upstream)
        case["grads"] = [encode(t.grad) if t.requires_grad else None for t in inputs]
    return case


def main():
    assert torch.__version__.startswith("1.13"), torch.__version__
    specs = (binary_cases() + scalar_cases() + unary_cases() + reduction_cases() + linalg_cases()
             + shape_cases() + nn_cases() + edge_cases() + factory_cases() + compare_cases() + inplace_cases())
    cases = [run(*spec) for spec in specs]
    names = [c["name"] for c in cases]
    duplicates = {n for n in names if names.count(n) > 1}
    assert not duplicates, duplicates
    write("ops.json", "gen_ops.py", cases)


if __name__ == "__main__":
    main()

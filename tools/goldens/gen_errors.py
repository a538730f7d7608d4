#!/usr/bin/python3
"""Writes autograd-core/src/test/resources/goldens/errors.json from real PyTorch 1.13 (CPU).

Bad calls of the op keys (ops.txt rows and golden_common.OPS, made by golden_common.call) and
the exact message PyTorch raises (its C++ frames stripped), with the Python exception type.
Read by ErrorGoldenTest, which demands the same message from the Java call (the Java exception
type is free).

Run: /usr/bin/python3 tools/goldens/gen_errors.py   (deterministic: same file every run)
"""
import torch

from golden_common import call, T, encode_input, error_text, seeded, write

F32, F64, I64, B = "float32", "float64", "int64", "bool"


def broadcast():
    return [("add", [T((2, 3)), T((4,))], {}), ("mul", [T((2, 3)), T((3, 2))], {}),
            ("sub", [T((4, 1, 3)), T((2, 4))], {}), ("add", [T((3,)), T((4,))], {}),
            ("div", [T((2, 5, 3)), T((4, 3))], {}), ("eq", [T((2,)), T((3,))], {}),
            ("where", [T((2,), B), T((3,)), T((2,))], {}), ("copy_", [T((2, 3)), T((4,))], {}),
            ("add_", [T((3,)), T((2, 3))], {})]


def linalg():
    out = [("matmul", [T(a), T(b)], {}) for a, b in (
        ((2, 3), (4, 5)), ((3,), (4,)), ((2, 3), (4,)), ((3,), (4, 2)), ((), (3,)), ((3,), ()),
        ((4, 2, 3), (4, 3)), ((4, 2, 3), (4, 4, 2)), ((2, 2, 3), (3, 3, 2)), ((2, 3), (4, 2, 2)),
        ((3,), (4, 2, 2)), ((4, 2, 3), (5,)))]
    out.append(("matmul", [T((2, 3)), T((3, 2), F64)], {}))
    out.append(("matmul", [T((3,), F64), T((3,))], {}))
    out += [("mm", [T(a, da), T(b, db)], {}) for a, b, da, db in (
        ((2, 3), (4, 5), F32, F32), ((3,), (3, 2), F32, F32), ((2, 3), (3,), F32, F32),
        ((2, 3), (3, 2), F32, F64), ((2, 3), (3, 2), F64, F32), ((2, 3), (3, 2), I64, F32))]
    out += [("mv", [T(a, da), T(b, db)], {}) for a, b, da, db in (
        ((2, 3), (4,), F32, F32), ((3,), (3,), F32, F32), ((2, 3), (3, 1), F32, F32),
        ((2, 3), (3,), F32, F64))]
    out += [("dot", [T(a, da), T(b, db)], {}) for a, b, da, db in (
        ((3,), (4,), F32, F32), ((2, 3), (3,), F32, F32), ((3,), (3,), F32, F64), ((3,), (2, 3), F32, F32))]
    out += [("bmm", [T(a, da), T(b, db)], {}) for a, b, da, db in (
        ((2, 3), (2, 3, 4), F32, F32), ((2, 2, 3), (3, 4), F32, F32), ((2, 2, 3), (3, 3, 4), F32, F32),
        ((2, 2, 3), (2, 4, 4), F32, F32), ((2, 2, 3), (2, 3, 4), F32, F64))]
    return out


def shapes():
    out = [("view", [T((2, 3))], {"shape": s}) for s in ([4], [-1, -1], [4, -1], [-2, 3], [0, -1], [7])]
    out += [("reshape", [T((2, 3))], {"shape": s}) for s in ([5], [-1, -1], [-2, 3], [4, -1])]
    out.append(("t_view", [T((2, 3))], {"shape": [6]}))
    out.append(("t_view", [T((3, 4))], {"shape": [2, 6]}))
    out += [("expand", [T(shape)], {"sizes": sizes}) for shape, sizes in (
        ((2, 3), [3, 3]), ((2, 3), [3]), ((3,), [-1, 3]), ((2, 1), [2, 4, 4]), ((3,), [2, -2]))]
    out.append(("expand_as", [T((2, 3)), T((3, 2))], {}))
    out += [("permute", [T((2, 3, 4))], {"dims": d}) for d in ([0, 1], [0, 0, 1], [0, 1, 3], [0, 1, 2, 3])]
    out.append(("t", [T((2, 3, 4))], {}))
    out.append(("sum_to_size", [T((2, 3))], {"size": [4, 3]}))
    out.append(("sum_to_size", [T((2, 3))], {"size": [2, 3, 1]}))
    return out


def dims():
    out = [("sum_dim", [T(shape)], {"dim": d, "keepdim": False}) for shape, d in (
        ((2, 3), 2), ((2, 3), -3), ((), 1), ((4,), -2))]
    out.append(("mean_dim", [T((2, 3))], {"dim": 5, "keepdim": True}))
    out.append(("sum_dims", [T((2, 3, 4))], {"dims": [0, 0], "keepdim": False}))
    out.append(("sum_dims", [T((2, 3, 4))], {"dims": [1, -2], "keepdim": False}))
    out.append(("mean_dims", [T((2, 3, 4))], {"dims": [0, 3], "keepdim": False}))
    out.append(("squeeze_dim", [T((1, 3))], {"dim": 2}))
    out.append(("unsqueeze", [T((2, 3))], {"dim": 3}))
    out.append(("unsqueeze", [T((2, 3))], {"dim": -4}))
    out.append(("transpose", [T((2, 3))], {"dim0": 0, "dim1": 2}))
    out.append(("transpose", [T((2, 3))], {"dim0": -3, "dim1": 0}))
    return out


def dtypes():
    return [("mean", [T((2, 3), I64)], {}), ("mean", [T((3,), B)], {}),
            ("mean_dim", [T((2, 3), I64)], {"dim": 0, "keepdim": False}),
            ("sub", [T((3,), B), T((3,), B)], {}), ("sub_scalar", [T((3,), B)], {"s": 1}),
            ("rsub_scalar", [T((3,), B)], {"s": 1}), ("neg", [T((3,), B)], {}),
            ("pow_scalar", [T((3,), I64)], {"s": -1}),
            ("where", [T((2,), I64), T((2,)), T((2,))], {}),
            ("add_nograd_", [T((2, 3), I64), T((3,), grad=False)], {}),
            ("add_nograd_", [T((3,), B), T((3,), I64)], {}),
            ("mul_scalar_nograd_", [T((3,), I64)], {"s": 0.5}),
            ("clamp", [T((3,))], {}), ("item", [T((2, 3))], {}), ("item", [T((0,))], {})]


def nn():
    return [("nll_loss", [T((4, 3)), T((4,), I64, kind="k9")], {}),
            ("nll_loss", [T((4, 3)), T((3,), I64, kind="k3")], {}),
            ("nll_loss", [T((4, 3)), T((4,), F32)], {}),
            ("cross_entropy", [T((4, 3)), T((5,), I64, kind="k3")], {}),
            ("linear", [T((5, 3)), T((2, 4)), T((2,))], {}),
            ("addmm", [T((4,)), T((2, 3)), T((4, 4))], {}),
            ("softmax", [T((2, 3))], {"dim": 2}),
            ("log_softmax", [T((2, 3))], {"dim": -3}),
            ("argmax_dim", [T((2, 3))], {"dim": 2, "keepdim": False}),
            ("max", [T((0,))], {})]


def factories():
    return [("arange", [], {"start": 0, "end": 5, "step": 0}), ("arange", [], {"start": 5, "end": 0, "step": 1}),
            ("arange", [], {"start": 0.0, "end": 1.0, "step": -0.1}), ("linspace", [], {"start": 0, "end": 1, "steps": -1})]


def run(op, specs, args):
    label = " ".join([op] + [s.label() for s in specs])
    if args:
        label += " " + " ".join(f"{k}={args[k]}" for k in sorted(args))
    gen = seeded(label)
    inputs = [s.make(gen) for s in specs]
    encoded = [encode_input(t) for t in inputs]
    try:
        call(op, inputs, args)
    except Exception as e:  # noqa: BLE001 - every torch error type is a golden
        return {"name": label, "op": op, "args": args, "inputs": encoded, "type": type(e).__name__,
                "message": error_text(e)}
    raise AssertionError("no error from " + label)


def main():
    assert torch.__version__.startswith("1.13"), torch.__version__
    cases = [run(*spec) for spec in broadcast() + linalg() + shapes() + dims() + dtypes() + nn() + factories()]
    names = [c["name"] for c in cases]
    assert len(set(names)) == len(names), [n for n in names if names.count(n) > 1]
    write("errors.json", "gen_errors.py", cases)


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Writes autograd-core/src/test/resources/goldens/reductions.json: float32 sums, means and softmax from
real PyTorch 1.13 (CPU, one thread), compared bit for bit by ReductionGoldenTest.

PyTorch adds float32 in float32 in a fixed vectorised, cascaded order (SumKernel.cpp); the Java
side reproduces that order, so every value here must match exactly, not within a tolerance.
Each case: a seed, randn(shape), an optional view ("t": swap the last two dims; "permute:2,0,1";
"expand:4,*": expand a size-1 leading dim), then sum or mean over all dims or the given dims, or softmax(3x) along dims[0] (its values, or
their sum along that dim: "softmax_sum").
Values are written as Python floats (a float32 is exact as a double).

Run: /usr/bin/python3 tools/goldens/gen_reductions.py   (deterministic: same file every run)
"""
import json
import os

import torch

torch.set_num_threads(1)  # PyTorch splits big sums by thread; the Java side keeps the serial order
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "autograd-core", "src", "test",
                   "resources", "goldens", "reductions.json")


def case(shape, op="sum", dims=None, keepdim=False, view=None, seed=0):
    name = f"{op} randn{list(shape)}" + (f".{view}" if view else "") + (f" dims={dims}" if dims else "") \
        + (" keepdim" if keepdim else "") + f" seed={seed}"
    return {"name": name, "seed": seed, "shape": list(shape), "view": view, "op": op, "dims": dims,
            "keepdim": keepdim}


def apply_view(x, view):
    if view is None:
        return x
    if view == "t":
        return x.transpose(-2, -1)
    kind, arg = view.split(":")
    if kind == "permute":
        return x.permute(*[int(d) for d in arg.split(",")])
    if kind == "expand":
        return x.expand(*[int(d) for d in arg.split(",")])
    raise ValueError(view)


def cases():
    out = []
    whole = list(range(1, 41)) + [63, 64, 65, 100, 127, 128, 129, 255, 256, 257, 511, 512, 513,
                                  1000, 1023, 1024, 1025, 4095, 4096, 4097, 10000, 32767, 32768,
                                  65539, 100000, 1 << 20, (1 << 20) + 7]
    for n in whole:
        out.append(case([n]))
    for n in [5, 1000, 4097, 100000]:
        out.append(case([n], "mean"))
    out.append(case([(1 << 25) + 37], seed=3))  # 2^20 rows of 32: a level power of 5, over four levels
    for rows in [1, 2, 3, 8, 33, 100]:
        for cols in [1, 3, 5, 8, 9, 31, 32, 33, 37, 100, 257]:
            out.append(case([rows, cols], dims=[1], seed=rows + cols))
            out.append(case([rows, cols], dims=[0], seed=rows * cols))
    out += [case([100, 37], dims=[1], keepdim=True), case([100, 37], "mean", dims=[1]),
            case([100, 37], "mean", dims=[0]), case([100, 37], "mean"), case([100, 37]),
            case([37, 100], dims=[1], view="t"), case([37, 100], dims=[0], view="t"),
            case([37, 100], view="t"), case([40, 9], dims=[0], view="t"), case([9, 40], dims=[1], view="t")]
    for dims in [[0], [1], [2], [0, 1], [1, 2], [0, 2], [0, 1, 2]]:
        for shape in [[5, 7, 9], [3, 40, 17], [16, 3, 64]]:
            out.append(case(shape, dims=dims, seed=len(out)))
            out.append(case(shape, "mean", dims=dims, keepdim=True, seed=len(out)))
        out.append(case([5, 7, 9], dims=dims, view="permute:2,0,1", seed=len(out)))
        out.append(case([33, 3, 20], dims=dims, view="permute:1,2,0", seed=len(out)))
    out += [case([1, 50], view="expand:6,50"), case([1, 50], dims=[0], view="expand:6,50"),
            case([1, 50], dims=[1], view="expand:6,50"), case([1, 3, 1, 40], dims=[1, 3]),
            case([2, 1, 300], dims=[2]), case([300, 1, 2], dims=[0])]
    # softmax in PyTorch's order and exp, and the row sums a student prints after it
    for shape, dim in [([3, 5], 1), ([4, 7], 1), ([2, 8], 1), ([2, 9], 1), ([5, 33], 1), ([3, 100], 1),
                       ([10], 0), ([1, 1000], 1), ([5, 7], 0), ([6, 10], 0), ([3, 16], 0), ([4, 17], 0),
                       ([2, 5, 9], 1), ([2, 3, 4], 0), ([4, 3, 20], 2), ([3, 2, 11], -2)]:
        for seed in [0, 1]:
            out.append(case(shape, "softmax", dims=[dim], seed=seed))
        out.append(case(shape, "softmax_sum", dims=[dim], seed=2))
        out.append(case(shape, "log_softmax", dims=[dim], seed=3))
    return out


def compute(c):
    torch.manual_seed(c["seed"])
    x = apply_view(torch.randn(c["shape"]), c["view"])
    if c["op"] == "log_softmax":
        y = x.mul(3).log_softmax(c["dims"][0])
        return {**c, "out_shape": list(y.shape), "values": y.flatten().tolist()}
    if c["op"].startswith("softmax"):
        y = x.mul(3).softmax(c["dims"][0])
        if c["op"] == "softmax_sum":
            y = y.sum(c["dims"][0])
        return {**c, "out_shape": list(y.shape), "values": y.flatten().tolist()}
    fn = torch.sum if c["op"] == "sum" else torch.mean
    y = fn(x) if c["dims"] is None else fn(x, c["dims"], keepdim=c["keepdim"])
    return {**c, "out_shape": list(y.shape), "values": y.flatten().tolist()}


def main():
    data = {"torch": torch.__version__, "cases": [compute(c) for c in cases()]}
    with open(OUT, "w") as f:
        json.dump(data, f, indent=None, separators=(",", ":"))
        f.write("\n")
    print(f"{len(data['cases'])} cases -> {os.path.relpath(OUT)}")


if __name__ == "__main__":
    main()

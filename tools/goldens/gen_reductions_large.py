#!/usr/bin/python3
"""Writes autograd-core/src/test/resources/goldens/reductions_large.json: float32 sums and means
of large seeded randn tensors from real PyTorch 1.13 (CPU, one thread), compared bit for bit by
ReductionLargeGoldenTest. These are the benchmark's shapes (10^7 floats, 1000x10000 over either
dim) and their odd-sized and non-contiguous neighbours, so that every SIMD kernel of the fast
reductions (loops/VectorSum: row sums split over threads, column blocks of 64 with the cascade in
registers, the tiled and scalar tails) is held to PyTorch's order at the sizes it is tuned for.

Each case: a seed, randn(shape), an optional view ("t": swap the last two dims; "narrow:d,start,len"),
then sum or mean over all dims or the given dims. Values are float32 written as their shortest
decimal strings (exact under Float.parseFloat).

Run: /usr/bin/python3 tools/goldens/gen_reductions_large.py   (deterministic: same file every run)
"""
import json
import os

import numpy
import torch

torch.set_num_threads(1)  # PyTorch splits big sums by thread; the Java side keeps the serial order
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "autograd-core", "src", "test",
                   "resources", "goldens", "reductions_large.json")


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
    if kind == "narrow":
        dim, start, length = (int(a) for a in arg.split(","))
        return x.narrow(dim, start, length)
    raise ValueError(view)


def cases():
    return [
        # the benchmark's workloads
        case([10_000_000], seed=1), case([10_000_000], "mean", seed=2),
        case([1000, 10_000], "mean", dims=[1], seed=3), case([1000, 10_000], "mean", dims=[0], seed=4),
        case([100, 1000], dims=[0], keepdim=True, seed=5), case([1000, 10_000], dims=[1], seed=6),
        # odd sizes: not multiples of 8, 32 or 64 lanes, cascade steps or threads
        case([10_000_019], seed=7), case([999, 10_007], dims=[0], seed=8), case([999, 10_007], "mean", dims=[1], seed=9),
        case([4099, 1000 + 64 + 32 + 8 + 3], dims=[0], seed=10), case([17, 5003], dims=[0], seed=11),
        case([70_000, 77], dims=[0], seed=12), case([3, 2000, 700], dims=[1], seed=13),
        # non-contiguous inputs: a transposed view, rows with a gap (narrow), both ways
        case([2000, 1000], dims=[0], view="t", seed=14), case([10_000, 1000], dims=[1], view="t", seed=15),
        case([1000, 2050], dims=[0], view="narrow:1,7,2000", seed=16),
        case([1000, 10_050], "mean", dims=[1], view="narrow:1,7,10000", seed=17),
        case([1000, 10_050], view="narrow:1,7,10000", seed=18),
        # reduced dims that do not merge: every row of the inner 2-D loop adds into one output
        case([100, 3, 1000], dims=[0, 2], seed=19), case([41, 5, 1003], "mean", dims=[0, 2], seed=20),
    ]


def compute(c):
    torch.manual_seed(c["seed"])
    x = apply_view(torch.randn(c["shape"]), c["view"])
    fn = torch.sum if c["op"] == "sum" else torch.mean
    y = fn(x) if c["dims"] is None else fn(x, c["dims"], keepdim=c["keepdim"])
    values = [str(v) for v in y.flatten().numpy()]  # numpy.float32: the shortest decimal that reads back exactly
    return {**c, "out_shape": list(y.shape), "values": values}


def main():
    data = {"torch": torch.__version__, "cases": [compute(c) for c in cases()]}
    with open(OUT, "w") as f:
        json.dump(data, f, indent=None, separators=(",", ":"))
        f.write("\n")
    print(f"{len(data['cases'])} cases -> {os.path.relpath(OUT)}")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Writes autograd-core/src/test/resources/goldens/random.json from real PyTorch 1.13 (CPU).

Each case is a seed followed by a sequence of calls on the default generator; the state
(including the cached Box-Muller value) carries from one call to the next, so the Java
Generator must replay the whole sequence. Floats are written as Python floats (repr
round-trips exactly; a float32 value is exact as a double); int64 values as JSON ints;
seeds as decimal strings because they are unsigned 64-bit.

Run: /usr/bin/python3 tools/goldens/gen_random.py   (deterministic: same file every run)
"""
import json
import os
import re

import torch

SEEDS = [0, 1, 42, 123456789, 2**32 + 5, 2**62, 2**64 - 1]
RANDN_SIZES = list(range(1, 21)) + [31, 32, 33, 100, 1000]
DTYPES = {"float32": torch.float32, "float64": torch.float64}
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "autograd-core", "src", "test",
                   "resources", "goldens", "random.json")


def randn(shape, dtype="float32"):
    return {"op": "randn", "dtype": dtype, "shape": list(shape), "args": {}}


def rand(shape, dtype="float32"):
    return {"op": "rand", "dtype": dtype, "shape": list(shape), "args": {}}


def normal(shape, mean, std, dtype="float32"):
    return {"op": "normal", "dtype": dtype, "shape": list(shape), "args": {"mean": mean, "std": std}}


def uniform(shape, low, high, dtype="float32"):
    return {"op": "uniform", "dtype": dtype, "shape": list(shape), "args": {"from": low, "to": high}}


def randint(shape, low, high):
    return {"op": "randint", "dtype": "int64", "shape": list(shape), "args": {"low": low, "high": high}}


def randperm(n):
    return {"op": "randperm", "dtype": "int64", "shape": [n], "args": {"n": n}}


def run(call):
    dtype = DTYPES.get(call["dtype"], torch.int64)
    shape, args, op = call["shape"], call["args"], call["op"]
    if op == "randn":
        t = torch.randn(shape, dtype=dtype)
    elif op == "rand":
        t = torch.rand(shape, dtype=dtype)
    elif op == "normal":
        t = torch.empty(shape, dtype=dtype).normal_(args["mean"], args["std"])
    elif op == "uniform":
        t = torch.empty(shape, dtype=dtype).uniform_(args["from"], args["to"])
    elif op == "randint":
        t = torch.randint(args["low"], args["high"], shape, dtype=torch.int64)
    elif op == "randperm":
        t = torch.randperm(args["n"])
    else:
        raise ValueError(op)
    values = t.flatten().tolist()
    return [int(v) for v in values] if call["dtype"] == "int64" else [float(v) for v in values]


def case(name, seed, calls):
    torch.manual_seed(seed)
    return {"name": name, "seed": str(seed), "calls": [dict(c, out=run(c)) for c in calls]}


def mixed_sequence():
    """Serial draws leave a cached normal behind; normal_fill neither reads nor clears it."""
    return [
        randn([3]), randn([5], "float64"), randn([17]), randn([1]), rand([7]),
        randn([2, 3]), rand([5], "float64"), randn([40], "float64"), randn([1], "float64"),
        randint([6], 0, 10), randint([4], -2**40, 2**40), normal([7], 2.0, 0.5),
        normal([40], -1.5, 3.25), uniform([9], -3.0, 5.0, "float64"), uniform([20], 0.25, 0.75),
        randperm(10), randn([1]), normal([3], 1.0, 2.0, "float64"), normal([1], 0.0, 0.0),
        randn([16]), randn([5]),
    ]


def cases():
    out = [case("notebook randn(10,1) then randn(1,10)", 0, [randn([10, 1]), randn([1, 10])]),
           case("randn float32 n=4099 seed=0", 0, [randn([4099])]),
           case("randn float64 n=4099 seed=0", 0, [randn([4099], "float64")])]
    for seed in SEEDS:
        for dtype in DTYPES:
            for n in RANDN_SIZES:
                out.append(case(f"randn {dtype} n={n} seed={seed}", seed, [randn([n], dtype)]))
            out.append(case(f"rand {dtype} seed={seed}", seed, [rand([1]), rand([33]), rand([4, 5])]))
            out.append(case(f"normal_ {dtype} seed={seed}", seed,
                            [normal([n], 0.7, 1.9, dtype) for n in (1, 7, 16, 23, 100)]))
            out.append(case(f"uniform_ {dtype} seed={seed}", seed,
                            [uniform([n], -2.5, 7.25, dtype) for n in (1, 9, 50)]))
        out.append(case(f"randint seed={seed}", seed, [
            randint([20], 0, 10), randint([20], -5, 5), randint([10], 0, 2**32 - 1),
            randint([10], 0, 2**32), randint([10], -2**62, 2**62), randint([10], -2**63, 2**63 - 1),
            randint([5], 7, 8)]))
        out.append(case(f"randperm seed={seed}", seed, [randperm(n) for n in (0, 1, 2, 5, 10, 100, 1000)]))
        out.append(case(f"mixed sequence seed={seed}", seed, mixed_sequence()))
    return out


ERROR_CALLS = [
    normal([3], 0.0, -1.0), normal([3], 0.0, -0.5, "float64"), uniform([3], 2.0, 1.0),
    uniform([3], 2.5e-5, 1e-5, "float64"), uniform([3], 1234567.0, 3.0), uniform([3], -3e38, 3e38),
    uniform([3], -1e308, 1e308, "float64"), uniform([3], -1e39, 0.0), uniform([3], 0.0, float("inf"), "float64"),
    randint([2], 3, 3), randint([2], 5, 3), randperm(-1),
]


def error_message(call):
    try:
        run(call)
    except RuntimeError as e:
        return str(e).split("\n")[0]
    raise AssertionError(f"no error for {call}")


def main():
    assert torch.__version__.startswith("1.13"), torch.__version__
    # The Java Generator replicates the AVX2 kernels (what any AVX2 CPU dispatches to);
    # ATEN_CPU_CAPABILITY=default would give different float32 normals for n >= 16.
    capability = re.search(r"CPU capability usage: (\w+)", torch.__config__.show()).group(1)
    assert capability == "AVX2", capability
    doc = {"generator": "tools/goldens/gen_random.py", "torch": torch.__version__,
           "cpu_capability": capability, "cases": cases(),
           "errors": [dict(c, message=error_message(c)) for c in ERROR_CALLS]}
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(doc, f, sort_keys=True, indent=None, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()

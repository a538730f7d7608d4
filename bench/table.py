"""Joins JMH's JSON results and torch_bench.py's lines into one table (Markdown) of medians.

Usage: table.py JMH_JSON TORCH_JSONL [TARGETS]
A JMH row's runs are its measurement iterations; ratio = PyTorch median / ours (above 1: we are
faster). Spread is shown as min-max over the runs.
"""
import json
import sys

TO_NS = {"ns/op": 1, "us/op": 1e3, "ms/op": 1e6, "s/op": 1e9}

# Targets from the performance brief: ratio PyTorch/ours at least this.
TARGETS = {
    "SmallBench.smallGraph": 5, "SmallBench.smallOp": 5, "MatmulBench.matmul:1024": 1.0,
    "MlpBench.step": 1.0, "ElementwiseBench.add": 1.0, "ElementwiseBench.mul": 1.0,
    "ElementwiseBench.exp": 1.0, "ElementwiseBench.sigmoid": 1.0, "ElementwiseBench.sum": 1.0,
    "ElementwiseBench.meanDim": 1.0,
}


def java_rows(path):
    rows = {}
    for entry in json.load(open(path)):
        name = entry["benchmark"].replace("dev.jautograd.bench.", "")
        if entry.get("params"):
            name += ":" + ",".join(entry["params"].values())
        metric = entry["primaryMetric"]
        scale = TO_NS[metric["scoreUnit"]]
        runs = sorted(v * scale for fork in metric["rawData"] for v in fork)
        rows[name] = (median(runs), runs[0], runs[-1])
    return rows


def torch_rows(path):
    rows = {}
    for line in open(path):
        r = json.loads(line)
        rows[r["workload"]] = (r["median_ns"], r["min_ns"], r["max_ns"])
    return rows


def median(values):
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


def human(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


def cell(row):
    med, lo, hi = row
    return f"{human(med)} ({human(lo)}–{human(hi)})"


def main():
    ours, theirs = java_rows(sys.argv[1]), torch_rows(sys.argv[2])
    print("| workload | PyTorch median (min–max) | jautograd median (min–max) | ratio PyTorch/ours | target |")
    print("|---|---|---|---|---|")
    for name in theirs:
        if name not in ours:
            continue
        ratio = theirs[name][0] / ours[name][0]
        target = TARGETS.get(name)
        verdict = "" if target is None else (f"≥ {target} ✓" if ratio >= target else f"≥ {target} ✗")
        print(f"| {name} | {cell(theirs[name])} | {cell(ours[name])} | {ratio:.2f}× | {verdict} |")


if __name__ == "__main__":
    main()

"""Joins JMH's JSON results and torch_bench.py's lines into one table (Markdown) of medians, and
the first calls (first.java.jsonl from FirstCall.java, first.torch.jsonl from torch_first.py)
into a second one.

Usage: table.py RESULTS_DIR   (reads every jmh.*.json, torch.*.jsonl and first.*.jsonl in it)
compare.sh alternates the two sides over several rounds, so a change in machine load hits both;
a row's runs are all measured runs of all rounds (JMH iterations, torch_bench runs). The table
shows the median with min-max; ratio = PyTorch median / ours (above 1: we are faster). PyTorch
may run in several process environments (compare.sh's BENCH_TORCH_CONFIGS): its row is the
environment with the lower median, and each one's median is listed under the table. On a
shared machine the best runs (least disturbed) are a useful second view, so their ratio is shown
too; the target is judged on medians.
"""
import glob
import json
import os
import sys

TO_NS = {"ns/op": 1, "us/op": 1e3, "ms/op": 1e6, "s/op": 1e9}

# Targets from the performance brief: ratio PyTorch/ours at least this.
TARGETS = {
    "SmallBench.smallGraph": 5, "SmallBench.smallOp": 5, "MatmulBench.matmul:1024": 1.0,
    "MlpBench.step": 1.0, "ElementwiseBench.add": 1.0, "ElementwiseBench.mul": 1.0,
    "ElementwiseBench.exp": 1.0, "ElementwiseBench.sigmoid": 1.0, "ElementwiseBench.sum": 1.0,
    "ElementwiseBench.meanDim": 1.0,
    "ElementwiseBench.meanDim0": 1.0, "MatmulBench.matmul:256": 1.0, "ClassroomBench.tanhLoop": 1.0,
    "ClassroomBench.moonsLoop": 1.0,
    "ClassroomBench.softmax": 1.0, "ClassroomBench.logSoftmax": 1.0, "ClassroomBench.crossEntropy": 1.0,
    "ClassroomBench.chain": 1.0,
}


# With BENCH_JAVA_BLAS set, matmul runs on the pure-Java BLAS fallback, whose target is lower.
if os.environ.get("BENCH_JAVA_BLAS"):
    TARGETS["MatmulBench.matmul:1024"] = 0.4


def java_rows(paths):
    rows = {}
    for entry in (e for path in paths for e in json.load(open(path))):
        name = entry["benchmark"].replace("dev.jautograd.bench.", "")
        if entry.get("params"):
            name += ":" + ",".join(entry["params"].values())
        metric = entry["primaryMetric"]
        scale = TO_NS[metric["scoreUnit"]]
        rows.setdefault(name, []).extend(v * scale for fork in metric["rawData"] for v in fork)
    return {name: summary(runs) for name, runs in rows.items()}


def torch_rows(paths):
    """workload -> summary of PyTorch's fastest config (by median), and -> every config's median."""
    rows = {}
    for line in (line for path in paths for line in open(path)):
        r = json.loads(line)
        rows.setdefault(r["workload"], {}).setdefault(r.get("config", "as started"), []).extend(r["runs_ns"])
    best, medians = {}, {}
    for name, configs in rows.items():
        summaries = {config: summary(runs) for config, runs in configs.items()}
        best[name] = min(summaries.values(), key=lambda s: s[0])
        medians[name] = {config: s[0] for config, s in summaries.items()}
    return best, medians


def summary(runs):
    runs = sorted(runs)
    return median(runs), runs[0], runs[-1]


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


def first_rows(path):
    """workload -> {field: summary over fresh processes} for startup_ns, setup_ns, first_ns, first_cpu_ns."""
    runs = {}
    for line in open(path) if os.path.exists(path) else []:
        r = json.loads(line)
        for field in ("startup_ns", "setup_ns", "first_ns", "first_cpu_ns"):
            if field in r:
                runs.setdefault(r["workload"], {}).setdefault(field, []).append(r[field])
    return {name: {f: summary(v) for f, v in fields.items()} for name, fields in runs.items()}


def first_table(directory):
    ours = first_rows(os.path.join(directory, "first.java.jsonl"))
    theirs = first_rows(os.path.join(directory, "first.torch.jsonl"))
    if not ours or not theirs:
        return
    print()
    print("First call in a fresh process (median (min–max) over fresh processes; startup: `import torch` / "
          "JVM start until the library made its first tensor; setup: the inputs; first call: timed alone)")
    print()
    print("| workload | PyTorch startup | jautograd startup | PyTorch setup | jautograd setup "
          "| PyTorch first call | jautograd first call | ratio of first calls |")
    print("|---|---|---|---|---|---|---|---|")
    for name in theirs:
        if name not in ours:
            continue
        t, o = theirs[name], ours[name]
        ratio = t["first_ns"][0] / o["first_ns"][0]
        print(f"| {name} | {cell(t['startup_ns'])} | {cell(o['startup_ns'])} | {cell(t['setup_ns'])} "
              f"| {cell(o['setup_ns'])} | {cell(t['first_ns'])} | {cell(o['first_ns'])} | {ratio:.2f}× |")
    cpu = [name for name in theirs if "first_cpu_ns" in theirs[name] and "first_cpu_ns" in ours.get(name, {})]
    if cpu:
        print()
        print("The same first calls in CPU time of the calling thread (workers and JIT threads not counted, "
              "on either side; a loaded machine disturbs it far less than the wall time above)")
        print()
        print("| workload | PyTorch first call CPU | jautograd first call CPU | ratio |")
        print("|---|---|---|---|")
        for name in cpu:
            t, o = theirs[name]["first_cpu_ns"], ours[name]["first_cpu_ns"]
            print(f"| {name} | {cell(t)} | {cell(o)} | {t[0] / max(1, o[0]):.2f}× |")


def main():
    directory = sys.argv[1]
    steady_table(directory)
    first_table(directory)


def steady_table(directory):
    ours = java_rows(sorted(glob.glob(os.path.join(directory, "jmh.*.json"))))
    theirs, configs = torch_rows(sorted(glob.glob(os.path.join(directory, "torch.*.jsonl"))))
    print("| workload | PyTorch median (min–max) | jautograd median (min–max) | ratio of medians "
          "| ratio of best runs | target (medians) |")
    print("|---|---|---|---|---|---|")
    for name in theirs:
        if name not in ours:
            continue
        ratio = theirs[name][0] / ours[name][0]
        target = TARGETS.get(name)
        verdict = "" if target is None else (f"≥ {target} ✓" if ratio >= target else f"≥ {target} ✗")
        best = theirs[name][1] / ours[name][1]
        print(f"| {name} | {cell(theirs[name])} | {cell(ours[name])} | {ratio:.2f}× | {best:.2f}× | {verdict} |")
    if any(len(c) > 1 for c in configs.values()):
        print()
        print("PyTorch's figure is its faster environment per workload (compare.sh's torch_env); medians of each:")
        print()
        for name, by_config in configs.items():
            ranked = sorted(by_config.items(), key=lambda item: item[1])
            print(f"- {name}: " + ", ".join(f"{c} {human(m)}" for c, m in ranked))


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Steady state inside the kernels: what a student's loop gets, ours against ipykernel + PyTorch.

compare.sh times the library in JMH (the JVM's default collector, a big heap, no JShell beside
it). Here each workload of benchmarks/compare runs in a fresh kernel as a notebook would run it:
launch.sh's flags (Serial collector, a small heap that grows, JShell's own data live), and on the
other side python3's ipykernel with torch as a student starts it (no tuned environment). One
workload, one fresh kernel a side, sides alternating; in each kernel:

  setup   Java: %classpath benchmarks/target/benchmarks.jar, then Workloads.make(NAME);
          Python: torch_bench.WORKLOADS[NAME]() (benchmarks/compare/torch_bench.py)
  settle  calls for --settle seconds, untimed (the JIT, the SIMD gates, the heap's size)
  cells   --cells cells, each timing every call of ~--seconds seconds with a clock read around
          it; a cell's figure is its mean time per call (collections included: the student
          waits for them too); its median call is printed beside it

Reports per workload and side the median of all cells' means, with their min-max, and the ratio
PyTorch / ours (above 1: we are faster).

Usage (build first: mvn -q -pl benchmarks,kernel -am -DskipTests package; install the kernel):
  JUPYTER_PATH=/tmp/jk/share/jupyter /usr/bin/python3 benchmarks/kernel/steady.py
      [--rounds 2] [--settle 5] [--cells 3] [--seconds 2] [--java java-autograd] [--python python3]
      [REGEX over workload names]
"""
import argparse
import json
import pathlib
import re
import statistics
import sys

from roundtrip import start

REPO = pathlib.Path(__file__).resolve().parents[2]
BENCH_JAR = REPO / "benchmarks/target/benchmarks.jar"
TORCH_BENCH = REPO / "benchmarks/compare"
sys.path.insert(0, str(TORCH_BENCH))
from table import human  # noqa: E402  (compare.sh's tables write times the same way)
DEFAULT = r"SmallBench.smallGraph|MlpBench.step|ClassroomBench"

JAVA_SETUP = """var step = dev.jautograd.bench.Workloads.make("{name}");
step.get();"""
JAVA_SETTLE = """for (long end = System.nanoTime() + {nanos}L; System.nanoTime() < end;) step.get();"""
JAVA_CELL = """{{
    long end = System.nanoTime() + {nanos}L, total = 0;
    var times = new java.util.ArrayList<Long>();
    while (total < {nanos}L) {{
        long start = System.nanoTime();
        step.get();
        long took = System.nanoTime() - start;
        times.add(took);
        total += took;
        if (System.nanoTime() > end + {nanos}L) break;
    }}
    java.util.Collections.sort(times);
    System.out.println("RESULT " + (double) total / times.size() + " " + times.get(times.size() / 2) + " " + times.size());
}}"""

PY_SETUP = """import sys, time, statistics
sys.path.insert(0, {path!r})
import torch_bench
step = torch_bench.WORKLOADS[{name!r}]()
step();"""
PY_SETTLE = """end = time.perf_counter_ns() + {nanos}
while time.perf_counter_ns() < end: step()"""
PY_CELL = """times, total, end = [], 0, time.perf_counter_ns() + {nanos}
while total < {nanos}:
    start = time.perf_counter_ns()
    step()
    took = time.perf_counter_ns() - start
    times.append(took)
    total += took
    if time.perf_counter_ns() > end + {nanos}: break
print("RESULT", total / len(times), statistics.median(times), len(times))"""


def run(kc, code, timeout=900):
    """Runs a cell; returns its stdout, raising on an error (the setup's, the workload's)."""
    out, errors = [], []

    def hook(msg):
        if msg["msg_type"] == "stream" and msg["content"]["name"] == "stdout":
            out.append(msg["content"]["text"])
        elif msg["msg_type"] == "error":
            errors.append(f"{msg['content']['ename']}: {msg['content']['evalue']}")
    reply = kc.execute_interactive(code, output_hook=hook, timeout=timeout)
    if reply["content"]["status"] != "ok" or errors:
        raise RuntimeError("cell failed: " + "; ".join(errors or [reply["content"].get("evalue", "?")]) + "\n" + code)
    return "".join(out)


def measure(kernel, java, name, args):
    """The cells' (mean, median) nanoseconds per call of one workload in one fresh kernel."""
    km, kc, _ = start(kernel)
    nanos, settle = int(args.seconds * 1e9), int(args.settle * 1e9)
    try:
        if java:
            run(kc, f"%classpath {BENCH_JAR}")
            run(kc, JAVA_SETUP.format(name=name))
            run(kc, JAVA_SETTLE.format(nanos=settle))
            cell = JAVA_CELL.format(nanos=nanos)
        else:
            run(kc, PY_SETUP.format(path=str(TORCH_BENCH), name=name))
            run(kc, PY_SETTLE.format(nanos=settle))
            cell = PY_CELL.format(nanos=nanos)
        results = []
        for _ in range(args.cells):
            line = next(l for l in run(kc, cell).splitlines() if l.startswith("RESULT"))
            mean, median, calls = line.split()[1:]
            results.append((float(mean), float(median), int(calls)))
        return results
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def figure(results):
    means = [m for m, _, _ in results]
    medians = [d for _, d, _ in results]
    return (statistics.median(means),
            f"{human(statistics.median(means))} ({human(min(means))}-{human(max(means))}; "
            f"median call {human(statistics.median(medians))})")


def workload_names(pattern):
    import torch_bench  # noqa: E402  (the names both sides know)
    return [n for n in torch_bench.WORKLOADS if re.search(pattern, n) and n != "NotebookBench.notebook"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pattern", nargs="?", default=DEFAULT)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--settle", type=float, default=5)
    parser.add_argument("--cells", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=2)
    parser.add_argument("--java", default="java-autograd")
    parser.add_argument("--python", default="python3", help="'' to time our kernel alone")
    args = parser.parse_args()
    if not BENCH_JAR.exists():
        sys.exit(f"no {BENCH_JAR}: build it first (mvn -q -pl benchmarks,kernel -am -DskipTests package)")
    sides = [(args.java, True)] + ([(args.python, False)] if args.python else [])
    results = {}
    for r in range(args.rounds):
        for name in workload_names(args.pattern):
            for kernel, java in (sides if r % 2 == 0 else sides[::-1]):
                cells = measure(kernel, java, name, args)
                results.setdefault((name, java), []).extend(cells)
                print(json.dumps({"round": r, "workload": name, "kernel": kernel, "cells": cells}), flush=True)
    print()
    print(f"| workload | {args.python or '-'} (ipykernel + torch) | {args.java} | ratio |")
    print("|---|---|---|---|")
    for name in workload_names(args.pattern):
        ours, ours_text = figure(results[(name, True)])
        if (name, False) in results:
            theirs, theirs_text = figure(results[(name, False)])
            print(f"| {name} | {theirs_text} | {ours_text} | {theirs / ours:.2f}× |")
        else:
            print(f"| {name} | | {ours_text} | |")


if __name__ == "__main__":
    main()

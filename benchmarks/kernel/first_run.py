#!/usr/bin/python3
"""The first run: what a student waits for in a fresh kernel, ours against ipykernel + PyTorch.

Each round starts fresh kernels, alternating the two sides so both see the same machine:
  run-all    Run All of a notebook in a fresh kernel with nbclient, kernel start included
             (ours: notebooks/autograd.ipynb, notebooks/training.ipynb; ipykernel: their PyTorch
             twins, autograd-core/src/test/resources/reference/autograd-pytorch.ipynb and
             notebooks/reference/training-pytorch.ipynb, `import torch` included)
  ready      start_kernel() until the first kernel_info_reply
  first cell `1+1` sent right after that reply, until its reply and idle status
  1+1        round-trip median over --runs after 10 warm-up cells, same kernel
  1000 stmts one cell `int acc = 0;` then 1,000 `acc += i;` lines, then `acc` (Python: `acc = 0`,
             `acc += i`), checked against the expected sum
Medians with min and max over --rounds rounds.

Usage (quiet machine for the README; say "under load" otherwise):
  /usr/bin/python3 benchmarks/kernel/first_run.py [--rounds 3] [--runs 100] [--java java-autograd]
      [--python python3] [--only run-all,ready,...]
(kernel names as `jupyter kernelspec list` shows them; JUPYTER_PATH finds a --prefix install).
"""
import argparse
import pathlib
import statistics
import time

import nbclient
import nbformat

from roundtrip import drain, round_trip, start

REPO = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOKS = {
    "autograd": (REPO / "notebooks/autograd.ipynb",
                 REPO / "autograd-core/src/test/resources/reference/autograd-pytorch.ipynb"),
    "training": (REPO / "notebooks/training.ipynb", REPO / "notebooks/reference/training-pytorch.ipynb"),
}
STATEMENTS = 1000


def run_all(path, kernel):
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(nb, kernel_name=kernel, timeout=600,
                                     resources={"metadata": {"path": str(path.parent)}})
    t0 = time.perf_counter()
    client.execute()
    return time.perf_counter() - t0


def statements_cell(java):
    if java:
        return "int acc = 0;\n" + "".join(f"acc += {i};\n" for i in range(STATEMENTS)) + "acc"
    return "acc = 0\n" + "".join(f"acc += {i}\n" for i in range(STATEMENTS)) + "acc"


def session(kernel, java, runs, wanted):
    """ready, first cell, 1+1 median, 1000-statement cell: one fresh kernel."""
    km, kc, ready = start(kernel)
    figures = {"ready": ready}
    try:
        figures["first cell"] = round_trip(kc, "1+1")
        drain(kc)
        if "1+1" in wanted:
            for _ in range(10):
                round_trip(kc, "1+1")
            figures["1+1"] = statistics.median(round_trip(kc, "1+1") for _ in range(runs))
        if "1000 stmts" in wanted:
            figures["1000 stmts"] = timed_sum_cell(kc, java)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return figures


def timed_sum_cell(kc, java):
    code = statements_cell(java)
    t0 = time.perf_counter()
    msg_id = kc.execute(code)
    reply = kc.get_shell_msg(timeout=600)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=600)
    seconds = time.perf_counter() - t0
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"the 1000-statement cell failed: {reply['content']}")
    drain(kc)
    return seconds


def fmt(values, unit):
    scale = 1000 if unit == "ms" else 1
    return (f"{statistics.median(values) * scale:.1f} {unit} "
            f"(min {min(values) * scale:.1f}, max {max(values) * scale:.1f}, n={len(values)})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--java", default="java-autograd")
    parser.add_argument("--python", default="python3", help="ipykernel's name; '' to skip it")
    parser.add_argument("--only", default="run-all,ready,first cell,1+1,1000 stmts")
    args = parser.parse_args()
    wanted = set(args.only.split(","))
    sides = [(args.java, True)] + ([(args.python, False)] if args.python else [])
    results = {}
    for _ in range(args.rounds):
        for kernel, java in sides:
            if "run-all" in wanted:
                for name, paths in NOTEBOOKS.items():
                    path = paths[0] if java else paths[1]
                    results.setdefault((kernel, f"run-all {name}"), []).append(run_all(path, kernel))
            if wanted & {"ready", "first cell", "1+1", "1000 stmts"}:
                for key, value in session(kernel, java, args.runs, wanted).items():
                    results.setdefault((kernel, key), []).append(value)
    for (kernel, key), values in results.items():
        if key in wanted or key.startswith("run-all"):
            unit = "s" if key.startswith("run-all") or key == "1000 stmts" else "ms"
            print(f"{kernel:>14}  {key:<18} {fmt(values, unit)}", flush=True)


if __name__ == "__main__":
    main()

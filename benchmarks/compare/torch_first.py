"""First call of one torch_bench.py workload in a fresh Python process (compare.sh starts one per call).

Usage: torch_first.py NAME. Prints one JSON line, FirstCall.java's counterpart: startup_ns (the
`import torch`, from inside the process), setup_ns (the workload's inputs) and first_ns (its
first call, timed alone), first_cpu_ns (the CPU time of the calling thread in it).
"""
import json
import os
import sys
import time

start = time.perf_counter_ns()
import torch  # noqa: E402  (timed: it is part of what a fresh notebook pays)

torch.zeros(1)
imported = time.perf_counter_ns()
torch.set_num_threads(int(os.environ.get("BENCH_THREADS", os.cpu_count())))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import torch_bench  # noqa: E402

name = sys.argv[1]
t0 = time.perf_counter_ns()
step = torch_bench.WORKLOADS[name]()
c1, t1 = time.thread_time_ns(), time.perf_counter_ns()
step()
t2, c2 = time.perf_counter_ns(), time.thread_time_ns()
print(json.dumps({"workload": name, "startup_ns": imported - start, "setup_ns": t1 - t0, "first_ns": t2 - t1,
                  "first_cpu_ns": c2 - c1}))

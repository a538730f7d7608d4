#!/usr/bin/python3
"""Kernel ready time and cell round-trip, for our kernel and ipykernel on the same machine.

ready      = KernelManager.start_kernel() until the first kernel_info_reply arrives
round-trip = execute_request "1+1" sent until its execute_reply *and* the idle status have
             arrived (all of the cell's output is in); median over --runs runs after --warmup

Usage: /usr/bin/python3 benchmarks/kernel/roundtrip.py [--runs 200] [--warmup 20] [--starts 5] KERNEL...
(kernel names as `jupyter kernelspec list` shows them, e.g. java-autograd python3; set
JUPYTER_PATH to find a kernel installed with --prefix).
"""
import argparse
import statistics
import time
from queue import Empty

from jupyter_client.manager import KernelManager


def start(name):
    km = KernelManager(kernel_name=name)
    t0 = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    # ZeroMQ holds a request until the kernel's socket is there, so one request would do; one
    # more a second, as jupyter_client's wait_for_ready sends them, in case one is lost. (Sending
    # every 50 ms piled hundreds of kernel_info requests on a kernel that answers once JShell has
    # started, and timed their backlog.)
    sent = set()
    while True:
        sent.add(kc.kernel_info())
        resend = time.perf_counter() + 1.0
        try:
            while True:
                reply = kc.get_shell_msg(timeout=max(0.01, resend - time.perf_counter()))
                if reply["parent_header"].get("msg_id") in sent:
                    ready = time.perf_counter() - t0
                    drain_shell(kc)
                    await_iopub(kc)
                    return km, kc, ready
        except Empty:
            if not km.is_alive():
                raise RuntimeError(f"kernel {name} died during startup")


def await_iopub(kc):
    """Until IOPub delivers: a SUB socket misses what is published before it has joined, and
    ipykernel answers the shell so soon after start that a first cell's idle status could be
    published before then (the benchmark then waited for it for ever)."""
    while True:
        msg_id = kc.kernel_info()
        deadline = time.perf_counter() + 0.5
        try:
            while time.perf_counter() < deadline:
                msg = kc.get_iopub_msg(timeout=max(0.01, deadline - time.perf_counter()))
                if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                        and msg["content"]["execution_state"] == "idle"):
                    # no quiet pause here: "first cell" is the cell sent right after ready, before
                    # the kernel's background warm-up (which waits for a quiet shell) has begun
                    drain_shell(kc)
                    return
        except Empty:
            pass


def drain_shell(kc):
    """The replies to the other kernel_info requests, so none is taken for a cell's reply."""
    while True:
        try:
            kc.get_shell_msg(timeout=0.01)
        except Empty:
            return


def drain(kc):
    while True:
        try:
            kc.get_iopub_msg(timeout=0.2)
        except Empty:
            return


def round_trip(kc, code):
    t0 = time.perf_counter()
    msg_id = kc.execute(code)
    got_reply = got_idle = False
    while not (got_reply and got_idle):
        if not got_reply:
            reply = kc.get_shell_msg(timeout=60)
            got_reply = reply["parent_header"].get("msg_id") == msg_id
            if got_reply and reply["content"]["status"] != "ok":
                raise RuntimeError(f"{code!r} failed: {reply['content']}")
        while not got_idle:
            msg = kc.get_iopub_msg(timeout=60)
            got_idle = (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                        and msg["content"]["execution_state"] == "idle")
    return time.perf_counter() - t0


def measure(name, runs, warmup, starts):
    ready = []
    for i in range(starts):
        km, kc, seconds = start(name)
        ready.append(seconds)
        if i < starts - 1:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    drain(kc)
    first = round_trip(kc, "1+1")
    for _ in range(warmup):
        round_trip(kc, "1+1")
    times = [round_trip(kc, "1+1") for _ in range(runs)]
    kc.stop_channels()
    km.shutdown_kernel(now=True)
    print(f"{name}: ready median {statistics.median(ready) * 1000:.0f} ms "
          f"(min {min(ready) * 1000:.0f}, max {max(ready) * 1000:.0f}, {starts} starts); "
          f"first cell {first * 1000:.1f} ms; "
          f"round-trip median {statistics.median(times) * 1000:.1f} ms "
          f"(p10 {statistics.quantiles(times, n=10)[0] * 1000:.1f}, "
          f"p90 {statistics.quantiles(times, n=10)[-1] * 1000:.1f}, {runs} runs)", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kernels", nargs="+")
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--starts", type=int, default=5)
    args = parser.parse_args()
    for name in args.kernels:
        measure(name, args.runs, args.warmup, args.starts)


if __name__ == "__main__":
    main()

"""Memory of a kernel as a class uses it: RSS and PSS (from /proc/PID/smaps_rollup, the kernel's
process and its children) of a fresh kernel idle, after the seed notebook, and around a 512 MB
tensor created and dropped (RSS at once, and at the next cell, 2 s later: the kernel gives a big
heap back when idle); then N kernels at once, each after the notebook, and what fits in
24 GiB with a notebook server beside each kernel.

    /usr/bin/python3 benchmarks/kernel/memory.py                    # the installed java-autograd
    /usr/bin/python3 benchmarks/kernel/memory.py --concurrent 10
    /usr/bin/python3 benchmarks/kernel/memory.py --python --concurrent 10   # ipykernel + torch, same cells
    JAUTOGRAD_JAVA_OPTS="-Xmx1g" /usr/bin/python3 benchmarks/kernel/memory.py   # try flags (the admin knob)

The kernelspec is found as Jupyter finds it (JUPYTER_PATH for a --prefix install). Java runs the
code cells of notebooks/autograd.ipynb, Python those of the PyTorch reference notebook.
"""
import argparse
import json
import os
import pathlib
import socket
import subprocess
import sys
import time
import urllib.request

import nbformat
from jupyter_client.manager import start_new_kernel

REPO = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOKS = {"java": REPO / "notebooks" / "autograd.ipynb",
             "python": REPO / "autograd-core" / "src" / "test" / "resources" / "reference" / "autograd-pytorch.ipynb"}
BIG = {"java": ["var big = Torch.zeros(128 * 1024 * 1024);", "big = null;", "1 + 1"],
       "python": ["big = torch.zeros(128 * 1024 * 1024)", "del big", "1 + 1"]}
MIB = 1 << 20
GIB24 = 24 << 30
PAUSE_S = 2


def tree(pid):
    pids = [pid]
    for task in pathlib.Path(f"/proc/{pid}/task").glob("*/children"):
        for child in task.read_text().split():
            pids += tree(int(child))
    return pids


def memory(pid):
    """(RSS, PSS) in bytes of the process and its descendants."""
    rss = pss = 0
    for p in tree(pid):
        for line in pathlib.Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                rss += int(line.split()[1]) * 1024
            elif line.startswith("Pss:"):
                pss += int(line.split()[1]) * 1024
    return rss, pss


class Kernel:
    def __init__(self, language, name):
        started = time.monotonic()
        self.language = language
        self.km, self.kc = start_new_kernel(kernel_name=name, startup_timeout=120)
        self.ready_s = time.monotonic() - started
        self.pid = self.km.provisioner.process.pid

    def run(self, code):
        started = time.monotonic()
        reply = self.kc.execute_interactive(code, output_hook=lambda msg: None, timeout=300)
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"cell failed: {code!r}: {reply['content']}")
        return time.monotonic() - started

    def notebook(self):
        cells = [c.source for c in nbformat.read(NOTEBOOKS[self.language], 4).cells if c.cell_type == "code"]
        return [self.run(code) for code in cells]

    def stop(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)


def one_kernel(language, name, settle):
    kernel = Kernel(language, name)
    try:
        time.sleep(settle)
        idle = memory(kernel.pid)
        times = kernel.notebook()
        time.sleep(1)
        after = memory(kernel.pid)
        create, drop, nxt = BIG[language]
        kernel.run(create)
        big = memory(kernel.pid)
        kernel.run(drop)
        kernel.run(nxt)
        at_once = memory(kernel.pid)
        time.sleep(PAUSE_S)  # a student reads the output before the next cell
        kernel.run(nxt)
        dropped = memory(kernel.pid)
        return {"ready_s": round(kernel.ready_s, 2), "first_cell_s": round(times[0], 3),
                "notebook_s": round(sum(times), 2),
                "idle_rss_mib": idle[0] / MIB, "idle_pss_mib": idle[1] / MIB,
                "notebook_rss_mib": after[0] / MIB, "notebook_pss_mib": after[1] / MIB,
                "big_rss_mib": big[0] / MIB, "dropped_at_once_rss_mib": at_once[0] / MIB,
                f"dropped_next_cell_after_{PAUSE_S}s_rss_mib": dropped[0] / MIB,
                "dropped_over_notebook_rss": dropped[0] / after[0]}
    finally:
        kernel.stop()


def concurrent(language, name, count):
    kernels = []
    try:
        for _ in range(count):
            kernels.append(Kernel(language, name))
        for kernel in kernels:
            kernel.notebook()
        time.sleep(2)
        sizes = [memory(k.pid) for k in kernels]
        return {"kernels": count, "mean_rss_mib": sum(r for r, _ in sizes) / count / MIB,
                "mean_pss_mib": sum(p for _, p in sizes) / count / MIB}
    finally:
        for kernel in kernels:
            kernel.stop()


def notebook_server_pss():
    """PSS of one idle Jupyter Notebook server (what each student runs beside the kernel)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(["/usr/bin/jupyter", "notebook", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
                               "--NotebookApp.token=x", "--notebook-dir=/tmp"] + (["--allow-root"] if os.getuid() == 0 else []),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # up: answers its REST API
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/kernelspecs?token=x", timeout=5).read()
                break
            except OSError:
                time.sleep(0.5)
        else:
            raise RuntimeError("the notebook server did not come up")
        time.sleep(3)
        return memory(server.pid)[1] / MIB
    finally:
        server.terminate()
        server.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--python", action="store_true", help="ipykernel with torch instead of the Java kernel")
    parser.add_argument("--kernel", help="kernelspec name (default java-autograd, or python3 with --python)")
    parser.add_argument("--concurrent", type=int, default=0, help="also run N kernels at once")
    parser.add_argument("--settle", type=float, default=5, help="seconds a fresh kernel idles before measuring")
    args = parser.parse_args()
    language = "python" if args.python else "java"
    name = args.kernel or ("python3" if args.python else "java-autograd")
    report = {"kernel": name, "java_opts": os.environ.get("JAUTOGRAD_JAVA_OPTS", ""),
              "load_average": os.getloadavg(), "single": one_kernel(language, name, args.settle)}
    if args.concurrent:
        report["concurrent"] = concurrent(language, name, args.concurrent)
        server = notebook_server_pss()
        report["notebook_server_pss_mib"] = server
        report["kernels_per_24gib"] = int(GIB24 / MIB // (report["concurrent"]["mean_pss_mib"] + server))
    print(json.dumps(rounded(report), indent=1))


def rounded(value):
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [rounded(v) for v in value]
    return round(value, 2) if isinstance(value, float) else value


if __name__ == "__main__":
    sys.exit(main())

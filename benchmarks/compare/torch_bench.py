"""PyTorch side of benchmarks/compare/compare.sh: the same workloads as the JMH benchmarks, same shapes.

Each workload is settled (run until its time per call stops improving, as the JMH side does:
WorkloadBench.settle), warmed up, then timed in several runs of at least RUN_SECONDS each; a
run's figure is its mean time per call, and the report gives the median run with the min and max.
Prints one JSON object per line: {"workload", "config", "median_ns", "min_ns", "max_ns", "runs_ns"},
config naming the process environment compare.sh chose (BENCH_TORCH_CONFIG; see docs/performance.md).
"""
import json
import os
import re
import statistics
import sys
import time

import torch
import torch.nn.functional as F

RUN_SECONDS = float(os.environ.get("BENCH_RUN_SECONDS", "1"))
WARMUP_RUNS = int(os.environ.get("BENCH_WARMUP", "3"))
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
SETTLE_SECONDS = float(os.environ.get("BENCH_SETTLE_SECONDS", "30"))


def settle(fn, window=0.25, quiet=2.0, improvement=0.95):
    """WorkloadBench.settle's rule: until no 0.25 s window beats the best by 5 % for 2 s (at most SETTLE_SECONDS)."""
    start = improved = time.perf_counter()
    best = float("inf")
    while time.perf_counter() - start < SETTLE_SECONDS and time.perf_counter() - improved < quiet:
        calls, begin = 0, time.perf_counter()
        while time.perf_counter() - begin < window:
            fn()
            calls += 1
        per_call = (time.perf_counter() - begin) / calls
        if per_call < best * improvement:
            best, improved = per_call, time.perf_counter()


def time_runs(fn):
    def one_run():
        calls, start = 0, time.perf_counter()
        while True:
            fn()
            calls += 1
            elapsed = time.perf_counter() - start
            if elapsed >= RUN_SECONDS:
                return elapsed / calls * 1e9

    settle(fn)
    for _ in range(WARMUP_RUNS):
        one_run()
    return [one_run() for _ in range(RUNS)]


def small_graph():
    torch.manual_seed(0)
    a = torch.randn(8, requires_grad=True)

    def step():
        y = (a * a + a).sum()
        y.backward()
    return step


def small_op():
    torch.manual_seed(0)
    x = torch.randn(8)
    return lambda: x.add(x)


def matmul(n):
    torch.manual_seed(0)
    a, b = torch.randn(n, n), torch.randn(n, n)
    return lambda: torch.matmul(a, b)


def mlp_step():
    torch.manual_seed(0)
    hidden, output = torch.nn.Linear(784, 256), torch.nn.Linear(256, 10)
    opt = torch.optim.SGD(list(hidden.parameters()) + list(output.parameters()), lr=0.01)
    images, labels = torch.randn(128, 784), torch.randint(0, 10, (128,))

    def step():
        opt.zero_grad(set_to_none=False)
        loss = F.cross_entropy(output(F.relu(hidden(images))), labels)
        loss.backward()
        opt.step()
    return step


def elementwise(name):
    torch.manual_seed(0)
    x, y = torch.randn(1000 * 10000), torch.randn(1000 * 10000)
    matrix = x.view(1000, 10000)
    return {
        "add": lambda: x.add(y),
        "mul": lambda: x.mul(y),
        "exp": lambda: x.exp(),
        "sigmoid": lambda: x.sigmoid(),
        "sum": lambda: x.sum(),
        "meanDim": lambda: matrix.mean(1),
        "meanDim0": lambda: matrix.mean(0),
    }[name]


def tanh_loop():
    """1000 SGD steps of a 2→16→16→1 tanh MLP on 100 points, MSE loss."""
    torch.manual_seed(0)
    l1, l2, l3 = torch.nn.Linear(2, 16), torch.nn.Linear(16, 16), torch.nn.Linear(16, 1)
    opt = torch.optim.SGD([p for layer in (l1, l2, l3) for p in layer.parameters()], lr=0.01)
    x, y = torch.randn(100, 2), torch.randn(100, 1)

    def run():
        for _ in range(1000):
            opt.zero_grad(set_to_none=False)
            loss = F.mse_loss(l3(torch.tanh(l2(torch.tanh(l1(x))))), y)
            loss.backward()
            opt.step()
        return loss
    return run


def moons_loop():
    """notebooks/training.ipynb's loop: 300 SGD steps (lr 0.5) of a 2→16→2 tanh MLP on 200 points, cross-entropy."""
    torch.manual_seed(0)
    l1, l2 = torch.nn.Linear(2, 16), torch.nn.Linear(16, 2)
    opt = torch.optim.SGD([p for layer in (l1, l2) for p in layer.parameters()], lr=0.5)
    x, labels = torch.randn(200, 2), torch.randint(0, 2, (200,))

    def run():
        for _ in range(300):
            loss = F.cross_entropy(l2(torch.tanh(l1(x))), labels)
            opt.zero_grad(set_to_none=False)
            loss.backward()
            opt.step()
        return loss
    return run


def seeded(*shape):
    torch.manual_seed(0)
    return torch.randn(*shape)


def cross_entropy():
    """Cross-entropy of 1000×1000 logits against 1000 labels, forward and backward."""
    logits = seeded(1000, 1000).requires_grad_()
    labels = torch.randint(0, 1000, (1000,))

    def run():
        logits.grad = None
        loss = F.cross_entropy(logits, labels)
        loss.backward()
        return loss
    return run


def chain():
    """100 elementwise ops (25 × mul, add, tanh, sigmoid) on 1000 floats, then sum and backward."""
    x = seeded(1000).requires_grad_()

    def run():
        x.grad = None
        y = x
        for _ in range(25):
            y = y.mul(0.9).add(0.1).tanh().sigmoid()
        total = y.sum()
        total.backward()
        return total
    return run


def notebook():
    def run():
        a = torch.tensor([5.], requires_grad=True)
        b = torch.tensor([6.], requires_grad=True)
        shown = [repr(a), repr(b)]
        y = a ** 3 - b ** 2
        shown += [repr(y), str(a.grad), str(b.grad)]
        y.backward()
        shown += [repr(a.grad), repr(b.grad)]
        torch.manual_seed(0)
        w = torch.randn(10, 1, requires_grad=True)
        shown.append(repr(w))
        x = torch.randn(1, 10, requires_grad=True)
        shown.append(repr(x))
        output = torch.matmul(x, w) + b
        shown.append(repr(output))
        loss = 1 - output
        shown.append(repr(loss))
        loss.backward()
        shown.append(repr(w.grad))
        with torch.no_grad():
            w = w - 0.001 * w.grad.data
        shown.append(repr(w))
        return shown
    return run


# Names match the JMH benchmark ids that compare.sh joins on.
WORKLOADS = {
    "SmallBench.smallGraph": small_graph,
    "SmallBench.smallOp": small_op,
    "MatmulBench.matmul:256": lambda: matmul(256),
    "MatmulBench.matmul:512": lambda: matmul(512),
    "MatmulBench.matmul:1024": lambda: matmul(1024),
    "MlpBench.step": mlp_step,
    **{f"ElementwiseBench.{k}": (lambda k=k: elementwise(k))
       for k in ["add", "mul", "exp", "sigmoid", "sum", "meanDim", "meanDim0"]},
    "ClassroomBench.tanhLoop": tanh_loop,
    "ClassroomBench.moonsLoop": moons_loop,
    "ClassroomBench.softmax": lambda: (lambda x: lambda: x.softmax(1))(seeded(1000, 1000)),
    "ClassroomBench.logSoftmax": lambda: (lambda x: lambda: x.log_softmax(1))(seeded(1000, 1000)),
    "ClassroomBench.crossEntropy": cross_entropy,
    "ClassroomBench.chain": chain,
    "NotebookBench.notebook": notebook,
}


CONFIG = os.environ.get("BENCH_TORCH_CONFIG", "as started")


def main():
    torch.set_num_threads(int(os.environ.get("BENCH_THREADS", os.cpu_count())))
    pattern = re.compile(sys.argv[1] if len(sys.argv) > 1 else "")
    for name, make in WORKLOADS.items():
        if not pattern.search(name):
            continue
        runs = time_runs(make())
        print(json.dumps({"workload": name, "config": CONFIG, "median_ns": statistics.median(runs), "min_ns": min(runs),
                          "max_ns": max(runs), "runs_ns": runs}), flush=True)


if __name__ == "__main__":
    main()

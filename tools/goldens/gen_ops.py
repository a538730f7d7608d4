#!/usr/bin/python3
"""Writes autograd-core/src/test/resources/goldens/ops.json from real PyTorch 1.13 (CPU).

The cases are the rows of autograd-core/src/test/resources/ops.txt (golden_common.ROWS), one
golden per case there: the inputs (exact values, seeded by the case name), the scalar
arguments, the output (values, shape, dtype, repr), its grad_fn, next_functions and whole
backward graph, and, when the output requires grad, the gradient of every input after
out.backward(upstream) with a seeded upstream gradient. Read by OpGoldenTest and GradCheckTest.

Run: /usr/bin/python3 tools/goldens/gen_ops.py   (deterministic: same file every run)
"""
import torch

from golden_common import ROWS, call, encode, encode_input, graph_text, node_name, seeded, write

def run(op, specs, args):
    label = " ".join([op] + [s.label() + ("" if s.grad else "(ng)") for s in specs])
    if args:
        label += " " + " ".join(f"{k}={args[k]}" for k in sorted(args))
    gen = seeded(label)
    inputs = [s.make(gen) for s in specs]
    encoded_inputs = [encode_input(t) for t in inputs]
    try:
        out = call(op, inputs, args)
    except Exception as e:
        raise RuntimeError(label) from e
    case = {"name": label, "op": op, "args": args, "inputs": encoded_inputs, "out": encode(out),
            "repr": repr(out), "requires_grad": out.requires_grad, "is_leaf": out.is_leaf,
            "at_kinks": any(spec.kind == "edge" for spec in specs), "is_contiguous": out.is_contiguous(),
            "stride": list(out.stride()),
            "grad_fn": node_name(out.grad_fn), "graph": graph_text(out.grad_fn),
            "next_functions": [node_name(f) for f, _ in out.grad_fn.next_functions] if out.grad_fn else None}
    if out.requires_grad:
        upstream = torch.randn(out.shape, generator=gen, dtype=torch.float64).to(out.dtype)
        out.backward(upstream)
        case["upstream"] = encode(upstream)
        case["grads"] = [encode(t.grad) if t.requires_grad else None for t in inputs]
    return case


def main():
    assert torch.__version__.startswith("1.13"), torch.__version__
    cases = [run(op, specs, args) for op, (_, rows) in ROWS.items() for specs, args in rows]
    names = [c["name"] for c in cases]
    duplicates = {n for n in names if names.count(n) > 1}
    assert not duplicates, duplicates
    write("ops.json", "gen_ops.py", cases)


if __name__ == "__main__":
    main()

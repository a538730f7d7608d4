"""Bit-exact goldens for softmax, log_softmax and cross-entropy on the shapes their fast paths take:
1000x1000 (rows split over the worker threads), odd row lengths (SIMD rows with tails, rows under 8
floats), softmax over dim 0, a transposed (non-contiguous) input, -inf logits (a row of them all),
forward and gradients, cross-entropy with every reduction and ignore_index. SoftmaxGoldenTest
compares float bits.

Inputs are a formula both sides evaluate exactly (no random generator to match): x[i, j] =
((i * 37 + j * 101) % 1013 - 506) * scale / 64, a dyadic float; an upstream gradient uses the
same formula with other multipliers. Large outputs are stored as a SHA-256 of their float32
little-endian bits (NaN canonical), with rows 0 and -1 in hex for a readable failure.
"""
import hashlib
import struct

import torch
import torch.nn.functional as F

from golden_common import write


def grid(rows, cols, scale, a=37, b=101):
    i = torch.arange(rows, dtype=torch.int64).unsqueeze(1)
    j = torch.arange(cols, dtype=torch.int64).unsqueeze(0)
    return (((i * a + j * b) % 1013 - 506).to(torch.float32) * scale / 64).contiguous()


def spec(rows, cols, scale, transpose=False, neg_inf=(), a=37, b=101):
    return {"rows": rows, "cols": cols, "scale": scale, "transpose": transpose, "neg_inf": [list(p) for p in neg_inf],
            "a": a, "b": b}


def build(s):
    x = grid(s["rows"], s["cols"], s["scale"], s["a"], s["b"])
    for i, j in s["neg_inf"]:
        x[i, j] = float("-inf")
    return x.t() if s["transpose"] else x


def bits(v):
    """A float32's bits, every NaN as 0x7fc00000 (Java's Float.floatToIntBits): its sign is no spec."""
    return 0x7FC00000 if v != v else struct.unpack("<I", struct.pack("<f", v))[0]


def digest(t):
    flat = t.detach().contiguous().reshape(-1)
    return hashlib.sha256(b"".join(struct.pack("<I", bits(v)) for v in flat.tolist())).hexdigest()


def hexrow(t):
    row = t.detach().reshape(-1, t.shape[-1]) if t.dim() > 0 else t.reshape(1, 1)
    return lambda k: "".join(f"{bits(v):08x}" for v in row[k].tolist())


def encode(t):
    h = hexrow(t)
    return {"shape": list(t.shape), "sha256": digest(t), "first": h(0), "last": h(-1)}


def forward_cases():
    cases = []
    shapes = [("1000x1000", spec(1000, 1000, 1.0)), ("37x1003", spec(37, 1003, 3.0)), ("9x7", spec(9, 7, 2.0)),
              ("64x33", spec(64, 33, 0.5)), ("transposed_300x257", spec(257, 300, 1.5, transpose=True)),
              ("neg_inf_6x40", spec(6, 40, 4.0, neg_inf=[(0, 3), (1, 0), (1, 39)] + [(2, j) for j in range(40)]
                                    + [(3, j) for j in range(39)]))]
    for name, s in shapes:
        x = build(s)
        for op, f in (("softmax", torch.softmax), ("log_softmax", torch.log_softmax)):
            cases.append({"name": f"{op}_dim1_{name}", "op": op, "dim": 1, "input": s, "expected": encode(f(x, 1))})
    s = spec(300, 257, 1.0)
    cases.append({"name": "softmax_dim0_300x257", "op": "softmax", "dim": 0, "input": s,
                  "expected": encode(torch.softmax(build(s), 0))})
    # log_softmax over another dim is composed here (x - max - log sum exp), not _vec_log_softmax's
    # order: within 2 ulp, so its values are stored whole and compared with that tolerance.
    s = spec(40, 37, 1.0)
    out = torch.log_softmax(build(s), 0)
    cases.append({"name": "log_softmax_dim0_40x37", "op": "log_softmax", "dim": 0, "input": s, "ulps": 2,
                  "expected": dict(encode(out), values=out.reshape(-1).tolist())})
    return cases


def backward_cases():
    cases = []
    for name, s in (("1000x1000", spec(1000, 1000, 1.0)), ("37x1003", spec(37, 1003, 3.0)), ("9x7", spec(9, 7, 2.0)),
                    ("neg_inf_6x40", spec(6, 40, 4.0, neg_inf=[(0, 3), (1, 0), (3, 5)]))):
        g = spec(s["rows"], s["cols"], 0.25, a=13, b=7)
        for op, f in (("softmax", torch.softmax), ("log_softmax", torch.log_softmax)):
            x = build(s).requires_grad_()
            f(x, 1).backward(build(g))
            cases.append({"name": f"{op}_backward_{name}", "op": op + "_backward", "dim": 1, "input": s, "grad": g,
                          "expected": encode(x.grad)})
    return cases


def cross_entropy_cases():
    cases = []
    for name, s, n_classes, reduction, ignore in (("1000x1000_mean", spec(1000, 1000, 1.0), 1000, "mean", None),
                                                  ("1000x1000_sum", spec(1000, 1000, 1.0), 1000, "sum", None),
                                                  ("37x1003_none", spec(37, 1003, 3.0), 1003, "none", None),
                                                  ("1000x1000_ignore", spec(1000, 1000, 1.0), 1000, "mean", -100),
                                                  ("9x7_ignore_3", spec(9, 7, 2.0), 7, "mean", 3)):
        targets = [(i * 7919) % n_classes for i in range(s["rows"])]
        if ignore is not None:
            for i in range(0, s["rows"], 5):
                targets[i] = ignore
        x = build(s).requires_grad_()
        kwargs = {"reduction": reduction} if ignore is None else {"reduction": reduction, "ignore_index": ignore}
        loss = F.cross_entropy(x, torch.tensor(targets), **kwargs)
        loss.backward(torch.ones_like(loss) if reduction == "none" else None)
        cases.append({"name": f"cross_entropy_{name}", "op": "cross_entropy", "input": s, "targets": targets,
                      "reduction": reduction, "ignore_index": -100 if ignore is None else ignore,
                      "loss": encode(loss), "expected": encode(x.grad)})
    return cases


def main():
    write("softmax.json", "gen_softmax.py", forward_cases() + backward_cases() + cross_entropy_cases())


if __name__ == "__main__":
    main()

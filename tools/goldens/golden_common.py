"""Shared by gen_ops.py, gen_errors.py and gen_autograd.py: the op calls, input encoding, JSON output.

An op key names a call on `x`, the list of input tensors, with `a`, the dict of scalar arguments
stored with the case. Most keys are rows of autograd-core/src/test/resources/ops.txt, whose call
both this module and the JUnit side (OpTable.java) execute; OPS below holds the few calls a row
cannot write, mirrored by OpTable.SPECIAL.
"""
import ast
import json
import math
import os
import re
import zlib

import torch

RESOURCES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "autograd-core", "src", "test",
                         "resources")
GOLDEN_DIR = os.path.join(RESOURCES, "goldens")
ROWS_FILE = os.path.join(RESOURCES, "ops.txt")

DTYPES = {"float32": torch.float32, "float64": torch.float64, "int64": torch.int64, "bool": torch.bool}
DTYPE_NAMES = {v: k for k, v in DTYPES.items()}

# The calls a row of ops.txt cannot write, its rows marked `special`: a Python operator with no
# method of that name, a call nested in an argument, a Java form with no Python twin (Options,
# ops.Addmm). OpTable.SPECIAL is the same table in Java.
OPS = {
    "rsub": lambda x, a: torch.rsub(x[0], x[1]),
    "rdiv_scalar": lambda x, a: a["s"] / x[0],
    # Python's `s ** x` wraps s as a 0-dim tensor (PowBackward1); torch.pow(s, x) is PowBackward2 (fidelity.json)
    "rpow_scalar": lambda x, a: a["s"] ** x[0],
    "add_transposed": lambda x, a: x[0] + x[1].transpose(0, 1),
    "transposed_add_transposed": lambda x, a: x[0].transpose(0, 1) + x[1].transpose(0, 1),
    "matmul_mT": lambda x, a: x[0] @ x[1].transpose(-2, -1),
    "item": lambda x, a: torch.tensor(x[0].item()),
    "addmm": lambda x, a: torch.addmm(x[0], x[1], x[2]),
    "ones": lambda x, a: torch.ones(tuple(a["size"]), dtype=DTYPES[a["dtype"]]),
    "zeros_rg": lambda x, a: torch.zeros(tuple(a["size"]), requires_grad=True),
}


class T:
    """An input tensor spec: shape, dtype, value kind (n normal, p positive, i ints, b bools), requires_grad."""

    def __init__(self, shape, dtype="float32", kind=None, grad=None):
        self.shape = list(shape)
        self.dtype = dtype
        self.kind = kind or {"int64": "i", "bool": "b"}.get(dtype, "n")
        floating = dtype in ("float32", "float64")
        self.grad = floating if grad is None else grad

    def make(self, gen):
        shape = self.shape
        if self.kind == "n":
            t = torch.randn(shape, generator=gen, dtype=torch.float64)
        elif self.kind == "p":
            t = torch.rand(shape, generator=gen, dtype=torch.float64) * 1.5 + 0.5
        elif self.kind == "i":
            t = torch.randint(-5, 6, shape, generator=gen)
        elif self.kind == "ip":
            t = torch.randint(1, 6, shape, generator=gen)
        elif self.kind == "edge":  # kinks and domain edges on purpose: 0, ±0.5, negatives
            t = torch.tensor([-1., -0.5, 0., 0.5, 1., 2.], dtype=torch.float64)[:math.prod(shape)].reshape(shape)
        elif self.kind.startswith("k"):  # class labels 0 … k-1
            t = torch.randint(0, int(self.kind[1:]), shape, generator=gen)
        elif self.kind == "b":
            t = torch.randint(0, 2, shape, generator=gen).bool()
        else:
            raise ValueError(self.kind)
        t = t.to(DTYPES[self.dtype])
        return t.requires_grad_(self.grad)

    def label(self):
        dims = "x".join(str(s) for s in self.shape) or "0d"
        positive = {"p": "+", "ip": "+", "edge": "edge:"}.get(self.kind, "<" + self.kind[1:] if self.kind[0] == "k" else "")
        return dims + ":" + positive + {"float32": "f32", "float64": "f64", "int64": "i64", "bool": "b"}[self.dtype]


# ---------------------------------------------------------------- ops.txt: one row per op

SPEC = re.compile(r"(0d|\d+(?:x\d+)*)(?::(\+|edge:|<\d+)?(f32|f64|i64|b))?(\(ng\))?")
SHORT_DTYPES = {"f32": "float32", "f64": "float64", "i64": "int64", "b": "bool"}


def parse_spec(text):
    """An input as its golden label writes it (2x3:f32, 4:+f64, 0d, 6:edge:f32, 3:<4i64, 3(ng)); f32 when unsaid."""
    m = SPEC.fullmatch(text)
    if not m:
        raise ValueError("not an input spec: " + text)
    dims, mark, short, no_grad = m.groups()
    dtype = SHORT_DTYPES[short or "f32"]
    shape = [] if dims == "0d" else [int(d) for d in dims.split("x")]
    kind = None
    if mark == "+":
        kind = "ip" if dtype == "int64" else "p"
    elif mark == "edge:":
        kind = "edge"
    elif mark:
        kind = "k" + mark[1:]
    return T(shape, dtype, kind=kind, grad=False if no_grad else None)


def parse_case(text):
    """One case: input specs, then name=value arguments (Python literals; a bare word is a string)."""
    specs, args = [], {}
    for token in text.split():
        if "=" in token:
            name, value = token.split("=", 1)
            try:
                args[name] = ast.literal_eval(value)
            except (ValueError, SyntaxError):
                args[name] = value
        else:
            specs.append(parse_spec(token))
    return specs, args


def split_call(text):
    """The row's call runs to the parenthesis that closes its last step; the cases follow."""
    depth = 0
    for i, c in enumerate(text):
        depth += (c == "(") - (c == ")")
        if c == ")" and depth == 0 and (i + 1 == len(text) or text[i + 1].isspace()):
            return text[:i + 1], text[i + 1:]
    raise ValueError("no call in: " + text)


def read_rows(path=ROWS_FILE):
    """{key: (call, [(specs, args), ...])} in file order; an indented line carries on the row above."""
    rows, key = {}, None
    with open(path) as f:
        for line in f:
            line = line.rstrip()
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if line[0].isspace():
                cases = line
            else:
                key, rest = line.split(None, 1)
                call, cases = rest.split(None, 1) if rest.startswith("special") else split_call(rest.strip())
                assert key not in rows, "two rows for " + key
                assert (call == "special") == (key in OPS), key + ": `special` goes with an OPS entry"
                rows[key] = (call, [])
            rows[key][1].extend(parse_case(c) for c in cases.split(";") if c.strip())
    return rows


ROWS = read_rows()
STEP = re.compile(r"\.?(\w+)\(([^()]*)\)")
NAMESPACES = {"torch": torch, "F": torch.nn.functional}


def argument(value):
    return DTYPES[value] if isinstance(value, str) and value in DTYPES else value


def invoke(call, x, a):
    """Runs a row's call: methods on x[0] in a chain, or torch./F. functions; see ops.txt's header."""
    namespace, _, rest = call.partition(".")
    target, steps = (NAMESPACES[namespace], rest) if namespace in NAMESPACES else (x[0], call)
    matched = "".join(m.group(0) for m in STEP.finditer(steps))
    assert matched == steps, "cannot read call " + call
    for m in STEP.finditer(steps):
        positional, keywords = [], {}
        for token in (t.strip() for t in m.group(2).split(",") if t.strip()):
            if token.endswith("="):
                if token[:-1] in a:
                    keywords[token[:-1]] = argument(a[token[:-1]])
            elif re.fullmatch(r"x\d", token):
                positional.append(x[int(token[1:])])
            elif token in a:
                positional.append(argument(a[token]))
            else:
                positional.append(ast.literal_eval(token))
        target = getattr(target, m.group(1))(*positional, **keywords)
    return target


def call(op, x, a):
    """The op key's call on inputs x with arguments a: its row of ops.txt, or its OPS entry."""
    return OPS[op](x, a) if op in OPS else invoke(ROWS[op][0], x, a)


def seeded(name):
    """A generator seeded from the case name, so adding a case never changes another's values."""
    return torch.Generator().manual_seed(zlib.crc32(name.encode()))


def encode(t):
    """Shape, dtype and the exact values (float32 widened to double exactly; bools as 0/1)."""
    if t is None:
        return None
    t = t.detach()
    flat = t.reshape(-1).tolist()
    if t.dtype == torch.bool:
        values = [int(v) for v in flat]
    elif t.dtype.is_floating_point:
        values = [float(v) for v in flat]
    else:
        values = [int(v) for v in flat]
    return {"shape": list(t.shape), "dtype": DTYPE_NAMES[t.dtype], "values": values}


def encode_input(t):
    out = encode(t)
    out["requires_grad"] = t.requires_grad
    return out


def node_name(fn):
    return None if fn is None else fn.name().replace("torch::autograd::", "")


def graph_text(fn):
    """The whole backward graph as nested text, e.g. MulBackward0(AccumulateGrad, None)."""
    if fn is None:
        return "None"
    kids = [graph_text(f) for f, _ in fn.next_functions]
    return node_name(fn) + ("(" + ", ".join(kids) + ")" if kids else "")


def error_text(e):
    """torch's message without the C++ frames some builds append."""
    return str(e).split("\nException raised from")[0]


def write(filename, generator, cases, **extra):
    doc = {"generator": "tools/goldens/" + generator, "torch": torch.__version__, "cases": cases}
    doc.update(extra)
    os.makedirs(GOLDEN_DIR, exist_ok=True)
    with open(os.path.join(GOLDEN_DIR, filename), "w") as f:
        json.dump(doc, f, sort_keys=True, indent=1)
        f.write("\n")
    print(f"{filename}: {len(cases)} cases")


def printed(value):
    """What a result prints as in Python: a string as is, a tuple of reprs, else repr."""
    if isinstance(value, tuple):
        return "(" + ", ".join(printed(v) for v in value) + ")"
    return value if isinstance(value, str) else repr(value)


def text_case(fn):
    """A case named after fn: the text its result prints as, or the first line of its error."""
    try:
        return {"name": fn.__name__, "text": printed(fn())}
    except Exception as e:  # noqa: BLE001 (the golden is the message)
        return {"name": fn.__name__, "error": str(e).split("\n")[0]}


def write_text_cases(filename, generator, fns):
    write(filename, generator, [text_case(fn) for fn in fns])

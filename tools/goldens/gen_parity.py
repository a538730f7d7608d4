"""Bit-exact goldens for the float32 kernels a training step runs, whose last bit PyTorch's CPU build
decides: Sleef's tanhf/logf/expf (Vectorized<float>::tanh/log/exp, via vml for whole tensors, so
the tail too), sigmoid as 1 / (1 + exp(-x)) in float (Sleef exp in the vector loop, the C library's
expf in the scalar tail of n % 16 elements), tanh_backward with its fused 1 - y*y, sigmoid_backward's
order, and log_softmax's and softmax's backward along the last dim. ParityGoldenTest compares float bits.

Each case: op, inputs (shape and float32 bit patterns) and the expected output the same way; a
*_backward case has inputs x and the output's gradient g, and expects x.grad after f(x).backward(g).
"""
import struct

import torch

from golden_common import write


def bits(t):
    """The float32 bit patterns as one hex string, 8 digits an element (compact, and exact)."""
    return "".join(f"{struct.unpack('<I', struct.pack('<f', v))[0]:08x}" for v in t.detach().reshape(-1).tolist())


def enc(t):
    return {"shape": list(t.shape), "bits": bits(t)}


def grad_of(f, x, g):
    x = x.clone().requires_grad_()
    f(x).backward(g)
    return x.grad


SPECIAL = torch.tensor([0.0, -0.0, 1e-8, -1e-8, 1e-30, 8.5, -8.7, 9.0, 20.0, -20.0, 88.0, -88.0, 100.0, -104.5,
                        float("inf"), float("-inf"), float("nan"), 0.5, -0.5, 1.0, -1.0])
POSITIVE = torch.tensor([0.0, 1e-45, 1e-40, 1.1754944e-38, 1e-30, 1.0, 0.75, 1.5, 2.0, 3.4e38,
                         float("inf"), float("nan"), -1.0, -0.0])


def case(name, op, inputs, out):
    return {"name": name, "op": op, "inputs": [enc(t) for t in inputs], "expected": enc(out)}


def unary_cases(gen):
    cases = []
    for n in (7, 16, 23, 1003):
        x = torch.randn(n, generator=gen) * 4
        cases.append(case(f"tanh_{n}", "tanh", [x], torch.tanh(x)))
        cases.append(case(f"sigmoid_{n}", "sigmoid", [x], torch.sigmoid(x)))
        cases.append(case(f"exp_{n}", "exp", [x], torch.exp(x)))
        p = torch.exp(torch.randn(n, generator=gen) * 6)
        cases.append(case(f"log_{n}", "log", [p], torch.log(p)))
    cases.append(case("tanh_special", "tanh", [SPECIAL], torch.tanh(SPECIAL)))
    cases.append(case("sigmoid_special", "sigmoid", [SPECIAL], torch.sigmoid(SPECIAL)))
    cases.append(case("exp_special", "exp", [SPECIAL], torch.exp(SPECIAL)))
    cases.append(case("log_special", "log", [POSITIVE], torch.log(POSITIVE)))
    return cases


def backward_cases(gen):
    cases = []
    for n in (7, 23, 1003):
        x = torch.randn(n, generator=gen) * 2
        g = torch.randn(n, generator=gen)
        cases.append(case(f"tanh_backward_{n}", "tanh_backward", [x, g], grad_of(torch.tanh, x, g)))
        cases.append(case(f"sigmoid_backward_{n}", "sigmoid_backward", [x, g], grad_of(torch.sigmoid, x, g)))
    for shape in ((16, 3), (5, 20), (4, 8), (2, 3, 37)):
        x = torch.randn(*shape, generator=gen) * 3
        g = torch.randn(*shape, generator=gen)
        cases.append(case(f"log_softmax_backward_{'x'.join(map(str, shape))}", "log_softmax_backward", [x, g],
                          grad_of(lambda t: torch.log_softmax(t, -1), x, g)))
        cases.append(case(f"softmax_backward_{'x'.join(map(str, shape))}", "softmax_backward", [x, g],
                          grad_of(lambda t: torch.softmax(t, -1), x, g)))
    return cases


def main():
    gen = torch.Generator().manual_seed(11)
    write("parity.json", "gen_parity.py", unary_cases(gen) + backward_cases(gen))


if __name__ == "__main__":
    main()

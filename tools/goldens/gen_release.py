#!/usr/bin/python3
"""Writes autograd-core/src/test/resources/goldens/release.json: what PyTorch 1.13 does when a
graph holding CopySlices (an in-place op through a view of a tensor with history) is
backpropagated twice: without retain_graph the second pass fails (CopySlices frees its inner
node's saved tensors), with it the gradients accumulate.

Each case's golden is the text of its result (a tensor's repr, a tuple of those) or, for an
error, the first line of its message. ReleaseGoldenTest has one Java row per name.

Run: /usr/bin/python3 tools/goldens/gen_release.py   (deterministic: same file every run)
"""
import torch

from golden_common import write_text_cases



def written_through_view():
    """y = a.clone(); y[0] *= a[1]: only the in-place mul (inside CopySlices) saves tensors."""
    a = torch.tensor([1., 2., 3.], requires_grad=True)
    y = a.clone()
    y[0].mul_(a[1])
    return a, y


def copyslices_repr():
    a, y = written_through_view()
    return (y, type(y.grad_fn).__name__)


def copyslices_backward_twice():
    a, y = written_through_view()
    y.sum().backward()
    y.sum().backward()
    return a.grad


def copyslices_retain_graph_twice():
    a, y = written_through_view()
    y.sum().backward(retain_graph=True)
    y.sum().backward()
    return a.grad


def copyslices_slice_fill_twice():
    """A slice assignment from a tensor with history: CopySlices over CopyBackwards (saves nothing)."""
    a = torch.tensor([1., 2., 3., 4.], requires_grad=True)
    y = a * 1.
    y[1:3] = a[:2] * a[2:]
    y.sum().backward()
    y.sum().backward()
    return a.grad


def copyslices_grad_twice():
    a, y = written_through_view()
    torch.autograd.grad(y.sum(), a)
    return torch.autograd.grad(y.sum(), a)


CASES = [copyslices_repr, copyslices_backward_twice, copyslices_retain_graph_twice,
         copyslices_slice_fill_twice, copyslices_grad_twice]


def main():
    write_text_cases("release.json", "gen_release.py", CASES)


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Writes autograd-core/src/test/resources/goldens/fidelity.json: what PyTorch 1.13 prints for
the snippets issue 11 found printing differently here (masked gradients, .data versions, pow
names, int64 arithmetic, size checks, empty softmax, print options, summation digits).

Each case is a name and a snippet; its golden is the text the snippet's result prints as (a
tensor's repr, a number's repr, a tuple of those) or, for an error, the first line of its
message. FidelityGoldenTest has one Java lambda per name, written as a student would.

Run: /usr/bin/python3 tools/goldens/gen_fidelity.py   (deterministic: same file every run)
"""
import torch

from golden_common import write_text_cases

torch.set_num_threads(1)
CASES = {}


def case(fn):
    CASES[fn.__name__] = fn
    return fn


def leaf(values, dtype=torch.float32):
    return torch.tensor(values, dtype=dtype, requires_grad=True)


def grad_of(x, y):
    y.sum().backward()
    return x.grad

# ---- masked gradients select (+0, no inf*0 NaN)
@case
def relu_sqrt_grad():
    x = leaf([-1., 0., 4.]); return grad_of(x, x.relu().sqrt())
@case
def clamp_sqrt_grad():
    x = leaf([-1., 0., 4.]); return grad_of(x, x.clamp(min=0).sqrt())
@case
def clamp_min_sqrt_grad():
    x = leaf([-1., 0., 4.]); return grad_of(x, torch.clamp_min(x, 0).sqrt())
@case
def clamp_max_grad_neg():
    x = leaf([-1., 0., 4.]); return grad_of(x, -x.clamp(max=1))
@case
def clamp_both_grad_neg():
    x = leaf([-3., 0.5, 4.]); return grad_of(x, -x.clamp(-1, 1))
@case
def relu_grad_neg():
    x = leaf([-1., 0., 4.]); return grad_of(x, -x.relu())
@case
def relu_grad_inf():
    x = leaf([-1., 2.]); return grad_of(x, x.relu().mul(float("inf")))
@case
def abs_grad_at_zero_neg():
    x = leaf([-2., 0., 3.]); return grad_of(x, -x.abs())
@case
def max_grad_ties():
    x = leaf([1., 3., 3., -2.]); return grad_of(x, -x.max())
@case
def max_grad_nan():
    x = leaf([1., float("nan"), 3.]); return grad_of(x, x.max())
@case
def max_grad_inf():
    x = leaf([1., 5., 3.]); return grad_of(x, x.max().mul(float("inf")))
@case
def where_grad_neg():
    x = leaf([1., -1., 2.]); return grad_of(x, -torch.where(x > 0, x, torch.zeros(3)))

# ---- versions and .data
@case
def fresh_versions():
    return (torch.tensor([1.])._version, torch.zeros(2)._version, torch.ones(2)._version,
            torch.randn(2)._version, torch.full((2,), 3.)._version, torch.arange(3)._version)
@case
def version_after_inplace():
    x = torch.zeros(2); x.add_(1); x.mul_(2); v = x.view(2, 1); v.fill_(3)
    return (x._version, v._version, x.detach()._version, x.data._version)
@case
def data_version_own_counter():
    x = torch.zeros(3); d = x.data; d.mul_(0); d.add_(1)
    return (x._version, d._version)
@case
def data_mul_then_backward():
    a = leaf([1., 2.]); c = (a * 2).sigmoid(); c.data.mul_(0); c.sum().backward(); return a.grad
@case
def detach_shares_version():
    a = leaf([1., 2.]); c = (a * 2).sigmoid(); c.detach().mul_(0)
    try:
        c.sum().backward()
    except RuntimeError as e:
        return "error"
    return a.grad

# ---- autograd API
@case
def grad_create_graph_retains():
    x = leaf([1., 2.]); y = (x ** 3).sum()
    g, = torch.autograd.grad(y, x, create_graph=True); y.backward(); return (g, x.grad)
@case
def pow_scalar_base_names():
    x = leaf([1., 2.])
    return (torch.pow(0., x), torch.pow(2., x), x.pow(2.), x.pow(torch.tensor([2., 3.])))
@case
def pow_scalar_base_grad():
    x = leaf([0., 1., 2.]); return grad_of(x, torch.pow(2., x))
@case
def pow_zero_base_grad():
    x = leaf([0., 1., 2.]); return grad_of(x, torch.pow(0., x))
@case
def set_grad_dtype():
    x = torch.zeros(2); x.grad = torch.zeros(2, dtype=torch.float64)
@case
def set_grad_size():
    x = torch.zeros(2); x.grad = torch.zeros(3)
@case
def linear_float64_input():
    return torch.nn.functional.linear(torch.ones(2, 3, dtype=torch.float64), torch.ones(4, 3), torch.ones(4))
@case
def mm_mixed_dtype():
    return torch.ones(2, 3).mm(torch.ones(3, 4, dtype=torch.float64))
@case
def options_chain():
    return (torch.tensor([1.], dtype=torch.float64, requires_grad=True),
            torch.zeros(2, dtype=torch.float64, requires_grad=True))

# ---- int64
@case
def tensor_int_literal():
    return (torch.tensor(5), torch.tensor(5).dtype, torch.tensor(5.))
@case
def int64_beyond_2_53():
    return torch.tensor([9007199254740993]) + 0
@case
def int64_tensor_add_exact():
    return torch.tensor([9007199254740993, 2 ** 62]) + torch.tensor([0, 1])
@case
def int64_add_wraps():
    return torch.tensor([2 ** 63 - 1]) + torch.tensor([1])
@case
def int64_mul_wraps():
    return torch.tensor([2 ** 62, 3]) * torch.tensor([4, 5])
@case
def int64_sub_wraps():
    return torch.tensor([-2 ** 63]) - torch.tensor([1])
@case
def int64_sum_wraps():
    return torch.tensor([2 ** 62, 2 ** 62, 2 ** 62]).sum()
@case
def int64_sum_exact():
    return torch.tensor([[9007199254740993, 1], [2, 3]]).sum(0)
@case
def arange_big_longs():
    return torch.arange(9007199254740993, 9007199254740993 + 3)
@case
def arange_big_step():
    return torch.arange(0, 2 ** 40, 2 ** 38)

# ---- sizes
@case
def zeros_negative():
    return torch.zeros(-1, 2)
@case
def zeros_two_negative():
    return torch.zeros(-2, -3)
@case
def ones_negative():
    return torch.ones(-1)
@case
def randn_negative():
    return torch.randn(-1)
@case
def eye_negative():
    return torch.eye(-1)
@case
def eye_negative_m():
    return torch.eye(2, -1)
@case
def zeros_overflow():
    return torch.zeros(65536, 65536, 65536, 65536)
@case
def expand_negative():
    return torch.zeros(1, 3).expand(-2, 3)
@case
def arange_nan():
    return torch.arange(0., float("nan"))
@case
def arange_inf():
    return torch.arange(0., float("inf"))
@case
def arange_nan_end_only():
    return torch.arange(float("nan"))
@case
def arange_nan_step():
    return torch.arange(0., 1., float("nan"))
@case
def arange_overflow():
    return torch.arange(0, 2 ** 62)

# ---- softmax / argmax edge cases
@case
def softmax_empty():
    return (torch.zeros(0).softmax(0), torch.zeros(2, 0).softmax(1), torch.zeros(0, 3).log_softmax(1))
@case
def softmax_int64():
    return torch.tensor([1, 2]).softmax(0)
@case
def log_softmax_int64():
    return torch.tensor([1, 2]).log_softmax(0)
@case
def softmax_int64_not_last():
    return torch.tensor([[1, 2]]).softmax(0)
@case
def argmax_empty():
    return torch.zeros(0).argmax()
@case
def argmax_empty_dim():
    return torch.zeros(2, 0).argmax(1)
@case
def argmax_empty_other_dim():
    return torch.zeros(2, 0).argmax(0)

# ---- printing
@case
def precision_resets_sci_mode():
    torch.set_printoptions(sci_mode=True); torch.set_printoptions(precision=2)
    text = repr(torch.tensor([1.5, 20.25])); torch.set_printoptions(profile="default"); return text
@case
def keyword_print_options():
    torch.set_printoptions(precision=2, sci_mode=True)
    text = repr(torch.tensor([1.5, 20.25])); torch.set_printoptions(profile="default"); return text

# ---- summation digits (float32 sums in PyTorch's order)
@case
def randn5_sum_item():
    torch.manual_seed(0); return torch.randn(5).sum().item()
@case
def randn1000_sum_item():
    torch.manual_seed(0); return torch.randn(1000).sum().item()
@case
def randn_mean_item():
    torch.manual_seed(0); return torch.randn(100, 37).mean().item()
@case
def randn_rows_sum():
    torch.manual_seed(0); return torch.randn(100, 37).sum(1)
@case
def mse_loss_item():
    torch.manual_seed(0); a = torch.randn(64, 3); b = torch.randn(64, 3)
    return torch.nn.functional.mse_loss(a, b).item()


def main():
    write_text_cases("fidelity.json", "gen_fidelity.py", CASES.values())


if __name__ == "__main__":
    main()

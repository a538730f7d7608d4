#!/usr/bin/python3
"""Writes autograd-core/src/test/resources/goldens/item.json: what Python prints for a
one-element tensor's value, by dtype (int64 `6`, float `6.0`, bool `True`), and what
torch.tensor(<python number>) makes.

Java reads a tensor's value with the accessor for its dtype (itemLong, item, itemBool); the
kernel's print(...) writes a double as Python's repr. ItemGoldenTest has one Java row per name.

Run: /usr/bin/python3 tools/goldens/gen_item.py   (deterministic: same file every run)
"""
import json
import math
import os

import torch

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "autograd-core", "src", "test",
                   "resources", "goldens", "item.json")

CASES = {
    "int64_sum": lambda: torch.tensor([1, 2, 3]).sum(),
    "float32_sum": lambda: torch.tensor([1., 2., 3.]).sum(),
    "float64_sum": lambda: torch.tensor([1., 2., 3.], dtype=torch.float64).sum(),
    "bool_gt": lambda: torch.tensor(3).gt(2),
    "bool_eq": lambda: torch.tensor([2]) == 2,
    "bool_false": lambda: torch.tensor(False),
    "int64_beyond_2_53": lambda: torch.tensor(9007199254740993),
    "int64_negative": lambda: torch.tensor([-7, 2]).sum(),
    "int64_min": lambda: torch.tensor(-9223372036854775808),
    "int64_count": lambda: torch.tensor([1., 2., 3., 4.]).gt(1.5).sum(),
    "int64_argmax": lambda: torch.tensor([0.5, 3., 1.]).argmax(),
    "float32_third": lambda: torch.tensor(1.) / 3,
    "float32_small": lambda: torch.tensor(1e-5),
    "float64_small": lambda: torch.tensor(1e-5, dtype=torch.float64),
    "float64_ten_thousandth": lambda: torch.tensor(0.0001, dtype=torch.float64),
    "float64_big": lambda: torch.tensor(1e16, dtype=torch.float64),
    "float64_below_big": lambda: torch.tensor(9999999999999998., dtype=torch.float64),
    "float64_large": lambda: torch.tensor(123456789012345678., dtype=torch.float64),
    "float64_tiny": lambda: torch.tensor(5e-324, dtype=torch.float64),
    "float64_2e23": lambda: torch.tensor(2e23, dtype=torch.float64),
    "float32_inf": lambda: torch.tensor(math.inf),
    "float32_neg_inf": lambda: torch.tensor(-math.inf),
    "float32_nan": lambda: torch.tensor(math.nan),
    "float32_neg_zero": lambda: torch.tensor(-0.),
    "float32_one_element_2d": lambda: torch.tensor([[2.5]]),
    "float32_mean": lambda: torch.tensor([1., 2.]).mean(),
    "float32_two_elements": lambda: torch.tensor([1., 2.]),
    "float32_empty": lambda: torch.zeros(0),
}


def run(name, fn):
    t = fn()
    row = {"name": name, "dtype": str(t.dtype)}
    try:
        row["text"] = repr(t.item())
    except Exception as e:  # noqa: BLE001 (the golden is the message)
        row["error"] = str(e).split("\n")[0]
    try:
        row["bool"] = repr(bool(t))
    except Exception as e:  # noqa: BLE001
        row["bool_error"] = str(e).split("\n")[0]
    return row


# torch.tensor(<Python number>): a Python int makes int64, a float the default float32.
LITERALS = {"tensor_int": 5, "tensor_float": 5., "tensor_bool": True}


def main():
    cases = [run(name, fn) for name, fn in CASES.items()]
    literals = [{"name": n, "dtype": str(torch.tensor(v).dtype), "repr": repr(torch.tensor(v))}
                for n, v in LITERALS.items()]
    data = {"torch": torch.__version__, "cases": cases, "literals": literals}
    with open(OUT, "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")
    print(f"{len(cases) + len(literals)} cases -> {os.path.relpath(OUT)}")


if __name__ == "__main__":
    main()

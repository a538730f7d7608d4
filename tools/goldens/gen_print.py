#!/usr/bin/python3
"""Writes autograd-core/src/test/resources/goldens/print.json: PyTorch's repr(tensor) for many cases.

Run with real torch (PyTorch 1.13): /usr/bin/python3 tools/goldens/gen_print.py
The output is deterministic (seeded, sorted keys), so re-running gives an identical file.

Each case stores the tensor exactly as the Java side rebuilds it:
  shape, dtype ("float32", "float64", "int64", "bool"),
  either "floats"/"longs" (row-major elements; float32 stored as their exact double value,
  non-finite floats as the strings "nan", "inf", "-inf")
  or a "recipe" for large tensors: element i = ((a*i + c) % m - offset) / div * mul, computed in
  double and then rounded to float32 if the dtype is float32 (ints: no div/mul; bool: value % 2),
  followed by "patch": [[index, value], ...] overrides,
  plus "profile"/"options" (torch.set_printoptions arguments), the suffixes the caller passes
  (grad_fn=<...> or requires_grad=True) and the "expected" repr text, or the "error" message when torch
  fails to print (edge items 0 on a summarised tensor of rank 2 or more).
"""
import json
import math
import os

import torch

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "autograd-core", "src", "test",
                   "resources", "goldens", "print.json")
DTYPES = {"float32": torch.float32, "float64": torch.float64, "int64": torch.int64, "bool": torch.bool}
NAN, INF = float("nan"), float("inf")

cases = []


def encode_float(x):
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def recipe_values(recipe, numel, dtype):
    values = []
    for i in range(numel):
        raw = (recipe["a"] * i + recipe["c"]) % recipe["m"] - recipe["offset"]
        if dtype in ("float32", "float64"):
            values.append(raw / recipe["div"] * recipe["mul"])
        elif dtype == "bool":
            values.append(bool(raw % 2))
        else:
            values.append(raw)
    for index, value in recipe.get("patch", []):
        values[index] = float(value) if dtype in ("float32", "float64") else value
    return values


def lcg(a=1103515245 % 65521, c=12345, m=65521, offset=32760, div=4096.0, mul=1.0, patch=()):
    return {"a": a, "c": c, "m": m, "offset": offset, "div": div, "mul": mul,
            "patch": [[index, encode_float(value)] for index, value in patch]}


def flat(values):
    if isinstance(values, (list, tuple)):
        return [v for item in values for v in flat(item)]
    return [values]


def add(name, values=None, dtype="float32", shape=None, recipe=None, grad=None, options=None, profile=None):
    """grad: None, "requires_grad" (leaf), or a function leaf -> result tensor (gives a grad_fn)."""
    if recipe is not None:
        numel = math.prod(shape)
        t = torch.tensor(recipe_values(recipe, numel, dtype), dtype=DTYPES[dtype]).reshape(shape)
    elif isinstance(values, torch.Tensor):
        t = values.to(DTYPES[dtype])
    else:
        t = torch.tensor(values, dtype=DTYPES[dtype])
    if shape is not None:
        t = t.reshape(shape)
    if grad == "requires_grad":
        t.requires_grad_(True)
    elif grad is not None:
        t = grad(t.clone().requires_grad_(True))
    suffixes = []
    if t.grad_fn is not None:
        suffixes.append("grad_fn=<{}>".format(type(t.grad_fn).__name__))
    elif t.requires_grad:
        suffixes.append("requires_grad=True")
    torch.set_printoptions(profile=profile or "default", **(options or {}))
    try:
        case = {"expected": repr(t)}
    except RuntimeError as error:
        case = {"error": str(error)}
    finally:
        torch.set_printoptions(profile="default")
    case.update({"name": name, "shape": list(t.shape), "dtype": dtype, "suffixes": suffixes})
    if recipe is not None:
        case["recipe"] = recipe
    elif dtype in ("float32", "float64"):
        case["floats"] = [encode_float(v) for v in flat(t.detach().tolist())]
    else:
        case["longs"] = [int(v) for v in flat(t.tolist())]
    if options:
        case["options"] = options
    if profile:
        case["profile"] = profile
    if any(c["name"] == name for c in cases):
        raise ValueError("duplicate case name " + name)
    cases.append(case)


def randn(seed, *shape, scale=1.0):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(*shape, generator=g, dtype=torch.float64) * scale


def sub_zero(t):
    return t - 0.0


def add_scalars():
    for dtype in ("float32", "float64"):
        for label, value in [("five", 5.0), ("minus_five", -5.0), ("zero", 0.0), ("minus_zero", -0.0),
                             ("tenth", 0.1), ("tiny", 1e-5), ("big", 1e10), ("nine_digits", 123456789.0),
                             ("nan", NAN), ("inf", INF), ("minus_inf", -INF), ("tie_1_23445", 1.23445),
                             ("tie_0_00005", 0.00005), ("pi", math.pi), ("minus_e", -math.e),
                             ("1e-4", 1e-4), ("1e8", 1e8), ("1_5e8", 1.5e8)]:
            add("scalar_{}_{}".format(dtype, label), value, dtype)
    add("scalar_int", 7, "int64")
    add("scalar_int_negative", -123, "int64")
    add("scalar_int_max", 2**63 - 1, "int64")
    add("scalar_int_min", -2**63, "int64")
    add("scalar_bool_true", True, "bool")
    add("scalar_bool_false", False, "bool")
    add("scalar_requires_grad", 5.0, grad="requires_grad")
    add("scalar_grad_fn", 2.5, grad=sub_zero)
    add("scalar_float64_grad_fn", 2.5, "float64", grad=lambda t: t * 2)
    add("scalar_precision_2", math.pi, options={"precision": 2})
    add("scalar_sci_forced", math.pi, options={"sci_mode": True})


def add_vectors():
    add("vec_int_mode", [1.0, 2.0, 3.0])
    add("vec_int_mode_negative", [-1.0, 20.0, 300.0])
    add("vec_halves", [1.5, -2.25])
    add("vec_tenths", [0.1, 0.2, 0.3])
    add("vec_tenths_float64", [0.1, 0.2, 0.3], "float64")
    add("vec_randn5", randn(1, 5))
    add("vec_randn5_float64", randn(2, 5), "float64")
    add("vec_ratio_1000_int", [1.0, 1000.0])
    add("vec_ratio_1001_int", [1.0, 1001.0])
    add("vec_ratio_2000_frac", [0.5, 1000.0])
    add("vec_ratio_999_frac", [1.5, 1498.5])
    add("vec_1e8_and_1", [1e8, 1.0])
    add("vec_1e8_exact", [1e8, 2e7])
    add("vec_above_1e8_int", [1.5e8, 1e8])
    add("vec_1e-4_float32", [1e-4, 0.05])
    add("vec_1e-4_float64", [1e-4, 0.05], "float64")
    add("vec_tiny_and_one", [1e-5, 1.0])
    add("vec_tiny_negative", [-1e-5, -2e-6, 3e-7])
    add("vec_subnormal_float64", [1e-310, 1.0], "float64")
    add("vec_huge_float64", [1e300, -1e-300], "float64")
    add("vec_float32_max", [3.4028234663852886e38, 1.0])
    add("vec_mixed_magnitudes", [0.001, 1.0, 123.456])
    add("vec_width_alignment", [-1.5, 100.25, 3.0])
    add("vec_nan_inf_int", [NAN, 1.0, INF])
    add("vec_nan_frac_minus_inf", [NAN, 1.5, -INF])
    add("vec_all_nan", [NAN, NAN])
    add("vec_inf_only", [INF, -INF])
    add("vec_zeros", [0.0, 0.0, 0.0])
    add("vec_zero_nan", [0.0, NAN])
    add("vec_minus_zero_half", [-0.0, 0.5])
    add("vec_minus_zero_int", [-0.0, 2.0])
    add("vec_nan_sci", [NAN, 1e-6, 1.0])
    add("vec_inf_big", [INF, 1e9, 1.5])
    add("vec_rounds_to_minus_zero", [-0.00001, 0.5], options={"sci_mode": False})
    add("vec_ties_float32", [1.23445, 2.34565, 0.12345, 0.00005])
    add("vec_ties_float64", [1.23445, 2.34565, 0.12345, 0.00005], "float64")
    add("vec_ties_fixed_float32", [0.00005, 0.00015, 0.00025, 0.5], options={"sci_mode": False})
    add("vec_ties_fixed_float64", [0.00005, 0.00015, 0.00025, 0.5], "float64", options={"sci_mode": False})
    add("vec_ties_precision_0", [0.5, 1.5, 2.5, 3.25], options={"precision": 0})
    add("vec_ties_sci", [1.23445e-5, 9.99995e-5, 2.5e-5])
    add("vec_ties_sci_float64", [1.23445e-5, 9.99995e-5, 2.5e-5], "float64")
    add("vec_sci_carry", [9.99999e-6, 0.5])
    add("vec_fixed_carry", [9.99996, 0.5])
    add("vec_int64", [1, 1000000, -5], "int64")
    add("vec_int64_extremes", [2**63 - 1, -2**63, 0], "int64")
    add("vec_bool", [True, False, True], "bool")
    add("vec_bool_all_true", [True, True], "bool")
    add("vec_requires_grad", [1.0, 2.0], grad="requires_grad")
    add("vec_grad_fn_sub", [1.5, -2.0], grad=sub_zero)
    add("vec_float64_grad_fn", [1.5, -2.0], "float64", grad=lambda t: t.exp())


def add_wrapping():
    add("wrap_randn30", randn(3, 30))
    add("wrap_randn30_float64", randn(4, 30), "float64")
    add("wrap_row_1x10_grad", randn(5, 1, 10), grad="requires_grad")
    add("wrap_row_1x30_grad", randn(6, 1, 30), grad="requires_grad")
    add("wrap_row_1x30_sub", randn(7, 1, 30), grad=sub_zero)
    add("wrap_arange100_int", torch.arange(100), "int64")
    add("wrap_arange50_float", torch.arange(50.0))
    add("wrap_2d_3x20", randn(8, 3, 20))
    add("wrap_int64_2d", torch.arange(40).reshape(2, 20) * 123457, "int64")
    add("wrap_bool_40", torch.arange(40) % 3 == 0, "bool")
    add("wrap_linewidth_40", randn(9, 12), options={"linewidth": 40})
    add("wrap_linewidth_120", randn(10, 30), options={"linewidth": 120})
    add("wrap_linewidth_10", randn(11, 2, 4), options={"linewidth": 10})
    add("wrap_sci_row", randn(12, 25, scale=1e-6))
    add("wrap_3d_rows", randn(13, 2, 2, 15))
    # Suffix placement: the last line's length sweeps past the width as the tensors grow.
    for n in range(5, 13):
        add("suffix_row_{}_grad".format(n), randn(20 + n, 1, n), grad="requires_grad")
        add("suffix_vec_{}_float64_grad_fn".format(n), randn(40 + n, n), "float64", grad=sub_zero)
    for n in (9, 10, 11, 19, 20, 21):
        add("suffix_int_{}_float64_requires_grad".format(n), torch.arange(n) * 1000.0, "float64",
            grad="requires_grad")
    add("suffix_long_grad_fn", randn(60, 1, 9),
        grad=lambda t: torch.nn.functional.layer_norm(t, (9,)))
    add("suffix_linewidth_30", randn(61, 3), "float64", grad=sub_zero, options={"linewidth": 30})


def add_multidim():
    add("eye3", torch.eye(3))
    add("mat_randn_3x4", randn(30, 3, 4))
    add("mat_int_2x2", [[1, 2], [3, 4]], "int64")
    add("mat_bool_2x3", [[True, False, True], [False, False, True]], "bool")
    add("mat_float64_2x2", [[1.5, -2.0], [0.25, 8.0]], "float64")
    add("mat_nan", [[NAN, 1.0], [2.5, -INF]])
    add("mat_4x1", randn(31, 4, 1))
    add("mat_1x4", randn(32, 1, 4))
    add("mat_grad_fn", randn(33, 2, 3), grad=lambda t: t @ torch.ones(3, 3))
    add("mat_sci", randn(34, 3, 3, scale=1e5) + 1e-3)
    add("cube_randn_2x3x4", randn(35, 2, 3, 4))
    add("cube_int_2x3x4", torch.arange(24).reshape(2, 3, 4), "int64")
    add("cube_float64", randn(36, 2, 2, 3), "float64")
    add("cube_bool", torch.arange(12).reshape(3, 2, 2) % 2 == 0, "bool")
    add("cube_grad", randn(37, 2, 2, 2), grad="requires_grad")
    add("hyper_randn_2x2x2x2", randn(38, 2, 2, 2, 2))
    add("hyper_int_16", torch.arange(16).reshape(2, 2, 2, 2), "int64")
    add("hyper_2x1x3x1", randn(39, 2, 1, 3, 1))
    add("five_dim", torch.arange(32.0).reshape(2, 2, 2, 2, 2) / 4)
    add("size_one_everywhere", [[[[[2.5]]]]])


def add_empty():
    for dtype in DTYPES:
        for shape in [(0,), (0, 3), (3, 0), (2, 0, 4)]:
            add("empty_{}_{}".format(dtype, "x".join(map(str, shape))), torch.zeros(shape), dtype, shape=shape)
    add("empty_requires_grad", torch.zeros(0), grad="requires_grad")
    add("empty_float64_grad_fn", torch.zeros(0, 2), "float64", grad=sub_zero)


def add_summarised():
    add("sum_arange1001_int", torch.arange(1001), "int64")
    add("sum_arange1000_int_not", torch.arange(1000), "int64")
    add("sum_arange1001_float", torch.arange(1001.0))
    add("sum_randn1001", randn(50, 1001))
    add("sum_lcg_1001_grad", recipe=lcg(), shape=[1001], grad="requires_grad")
    add("sum_lcg_100x100", recipe=lcg(), shape=[100, 100])
    add("sum_lcg_100x100_float64", recipe=lcg(a=7919, c=1), dtype="float64", shape=[100, 100])
    add("sum_lcg_20x20x20", recipe=lcg(a=104729), shape=[20, 20, 20])
    add("sum_lcg_int_10x10x10x10", recipe=lcg(a=31337, offset=0, m=100000), dtype="int64",
        shape=[10, 10, 10, 10])
    add("sum_lcg_2x1000", recipe=lcg(a=271), shape=[2, 1000])
    add("sum_lcg_1000x2", recipe=lcg(a=331), shape=[1000, 2])
    add("sum_lcg_sci", recipe=lcg(a=977, mul=1e6), shape=[50, 50])
    add("sum_lcg_small_sci", recipe=lcg(a=983, mul=1e-7), shape=[1200])
    add("sum_hidden_outlier", recipe=lcg(a=991, patch=[[500, 1e10], [501, NAN]]), shape=[1001])
    add("sum_shown_nan", recipe=lcg(a=997, patch=[[0, NAN], [1000, INF]]), shape=[1001])
    add("sum_bool", recipe=lcg(a=113), dtype="bool", shape=[40, 40])
    add("sum_int_wide", recipe=lcg(a=48271, m=2147483647, offset=1073741823), dtype="int64", shape=[1500])
    add("sum_threshold_5", torch.arange(10), "int64", options={"threshold": 5})
    add("sum_threshold_5_2d", torch.arange(64.0).reshape(8, 8), options={"threshold": 5})
    add("sum_edgeitems_1", torch.arange(2000.0).reshape(40, 50) / 8, options={"edgeitems": 1})
    add("sum_edgeitems_5", recipe=lcg(a=1009), shape=[30, 40], options={"edgeitems": 5})
    add("sum_profile_short", recipe=lcg(a=1013), shape=[1001], profile="short")
    add("sum_profile_short_2d", randn(51, 4, 5), profile="short")
    add("sum_profile_full", torch.arange(1001.0) / 4, profile="full")
    add("sum_profile_full_int", torch.arange(1200), "int64", profile="full")
    add("sum_edgeitems_0_vector", torch.arange(5.0), options={"edgeitems": 0, "threshold": 3})
    add("sum_edgeitems_0_matrix", torch.arange(8.0).reshape(2, 4), options={"edgeitems": 0, "threshold": 3})
    add("sum_3d_grad_fn", recipe=lcg(a=1019), shape=[10, 10, 11], grad=sub_zero)


def add_options():
    add("opt_precision_2", randn(70, 6), options={"precision": 2})
    add("opt_precision_6_float64", randn(71, 6), "float64", options={"precision": 6})
    add("opt_precision_0", [1.25, -3.75, 10.5], options={"precision": 0})
    add("opt_precision_10_float32", [0.1, 1.0 / 3.0], options={"precision": 10})
    add("opt_precision_10_float64", [0.1, 1.0 / 3.0], "float64", options={"precision": 10})
    add("opt_precision_0_sci", [1e-6, 5.5], options={"precision": 0})
    add("opt_precision_1_int_mode", [1.0, 2.0, 3.0], options={"precision": 1})
    add("opt_sci_true", [1.0, 2.5, -3.0], options={"sci_mode": True})
    add("opt_sci_true_int", [1.0, 20.0], options={"sci_mode": True})
    add("opt_sci_true_zeros", [0.0, 0.0], options={"sci_mode": True})
    add("opt_sci_true_wrap", randn(72, 20), options={"sci_mode": True})
    add("opt_sci_false", [1e-6, 1.0, 1e5], options={"sci_mode": False})
    add("opt_sci_false_int", [1.0, 1e10], options={"sci_mode": False})
    add("opt_sci_false_nan", [NAN, 1e-9, 2.0], options={"sci_mode": False})
    add("opt_sci_true_int64", [1, 2], "int64", options={"sci_mode": True})
    add("opt_sci_true_scalar_zero", 0.0, options={"sci_mode": True})
    add("opt_linewidth_200_2d", randn(73, 3, 25), options={"linewidth": 200})
    add("opt_linewidth_5", [1.5, 2.5, 3.5], options={"linewidth": 5})
    add("opt_combined", randn(74, 4, 30), "float64", grad="requires_grad",
        options={"precision": 3, "linewidth": 60, "threshold": 50, "edgeitems": 2})


def add_random_sweep():
    """Random shapes, dtypes and magnitudes, with occasional nan/inf/zero, to catch what the list misses."""
    g = torch.Generator().manual_seed(1234)
    for k in range(40):
        rank = int(torch.randint(0, 5, (1,), generator=g))
        shape = [int(torch.randint(1, 5, (1,), generator=g)) for _ in range(rank)]
        dtype = ["float32", "float64", "int64", "bool"][int(torch.randint(0, 4, (1,), generator=g))]
        exponent = int(torch.randint(-7, 10, (1,), generator=g))
        values = torch.randn(shape, generator=g, dtype=torch.float64) * 10.0 ** exponent
        if dtype == "int64":
            values = values.round()
        elif dtype == "bool":
            values = values > 0
        elif k % 4 == 0 and values.numel() > 2:
            flat_view = values.view(-1)
            flat_view[0], flat_view[-1] = [NAN, INF, 0.0, -INF][k % 3], 0.0
        elif k % 4 == 1:
            values = values.round()
        grad = "requires_grad" if dtype in ("float32", "float64") and k % 3 == 0 else None
        add("sweep_{:02d}_{}".format(k, dtype), values, dtype, grad=grad)


def add_options_sweep():
    """Random print options over random tensors: precision, width, sci mode, summarisation and suffixes together."""
    g = torch.Generator().manual_seed(4321)

    def pick(n):
        return int(torch.randint(0, n, (1,), generator=g))

    for k in range(60):
        rank = pick(4)
        shape = [1 + pick(9) for _ in range(rank)]
        dtype = ["float32", "float64", "float32", "int64", "bool"][pick(5)]
        values = torch.randn(shape, generator=g, dtype=torch.float64) * 10.0 ** (pick(14) - 6)
        if k % 5 == 0:
            values = values.round()
        if dtype == "bool":
            values = values > 0
        options = {"precision": pick(9), "linewidth": 15 + pick(140)}
        if k % 3 == 0:
            options["sci_mode"] = bool(pick(2))
        if k % 4 == 0:
            options["threshold"] = 1 + pick(30)
            options["edgeitems"] = 1 + pick(4)
        grad = None
        if dtype.startswith("float"):
            grad = [None, "requires_grad", sub_zero][k % 3]
        add("options_sweep_{:02d}_{}".format(k, dtype), values, dtype, grad=grad, options=options)


def main():
    add_scalars()
    add_vectors()
    add_wrapping()
    add_multidim()
    add_empty()
    add_summarised()
    add_options()
    add_random_sweep()
    add_options_sweep()
    with open(OUT, "w") as f:
        json.dump({"generator": "tools/goldens/gen_print.py", "torch": torch.__version__, "cases": cases},
                  f, sort_keys=True, indent=1)
        f.write("\n")
    print("wrote {} cases to {}".format(len(cases), os.path.normpath(OUT)))


if __name__ == "__main__":
    main()

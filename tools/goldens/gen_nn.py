"""nn and optim goldens: module and parameter printing, state dict keys, losses, dropout, embedding, optimiser steps.

Sections (each a list of cases in nn.json, read by the JUnit tests under dev.jautograd.nn):
- modules: print(model), named_parameters keys and shapes, state_dict keys, after a seed (NnModuleGoldenTest)
- losses: every loss x reduction x dtype: value, grad_fn, input/target grads (NnLossGoldenTest)
- loss_errors: PyTorch's message for bad shapes, targets and reductions
- optim: fixed gradients fed to each optimiser for 5 steps; the parameter after every step (exact)
- dropout / embedding: seeded values and grads
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

from golden_common import encode, encode_input, error_text, node_name, seeded, write


def modules():
    def net_with_parameter():
        class Net(nn.Module):
            def __init__(self):
                super().__init__()
                self.l1 = nn.Linear(2, 3)
                self.act = nn.Tanh()
                self.w = nn.Parameter(torch.randn(3))
                self.head = nn.Sequential(nn.Linear(3, 1, bias=False), nn.Sigmoid())

            def forward(self, x):
                return self.head(self.act(self.l1(x)) * self.w)
        return Net()

    models = {
        "linear": lambda: nn.Linear(3, 2),
        "linear_nobias": lambda: nn.Linear(3, 2, bias=False),
        "sequential_mlp": lambda: nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Dropout(0.2), nn.Linear(8, 3)),
        "nested_sequential": lambda: nn.Sequential(nn.Linear(2, 3), nn.Tanh(),
                                                   nn.Sequential(nn.Linear(3, 3), nn.Sigmoid()), nn.Linear(3, 1)),
        "custom_module": net_with_parameter,
        "embedding": lambda: nn.Embedding(10, 3),
        "embedding_padding": lambda: nn.Embedding(6, 2, padding_idx=-1),
        "dropout_small_p": lambda: nn.Dropout(1e-05),
        "losses": lambda: nn.Sequential(nn.MSELoss(), nn.L1Loss(), nn.CrossEntropyLoss(), nn.NLLLoss(),
                                        nn.BCELoss(), nn.BCEWithLogitsLoss()),
        "empty": lambda: nn.Module(),
        "classifier_head": lambda: nn.Sequential(nn.Flatten(), nn.Linear(12, 4), nn.Identity(), nn.LogSoftmax(dim=1)),
        "softmax_flatten_dims": lambda: nn.Sequential(nn.Flatten(0, 1), nn.Softmax(dim=-1)),
    }
    cases = []
    for name, make in models.items():
        torch.manual_seed(0)
        m = make()
        params = list(m.named_parameters())
        cases.append({
            "name": name, "repr": repr(m),
            "parameters": [{"name": k, "shape": list(p.shape), "repr": repr(p), "values": encode(p)} for k, p in params],
            "state_dict": [{"name": k, "shape": list(v.shape)} for k, v in m.state_dict().items()],
            "state_dict_repr": repr(m.state_dict()),
            "children": [k for k, _ in m.named_children()],
            "modules": [k for k, _ in m.named_modules()],
        })
        if name in ("classifier_head", "softmax_flatten_dims"):
            x = torch.randn(2, 3, 4, generator=seeded(name)).requires_grad_()
            out = m(x)
            out.backward(torch.ones(out.shape))
            cases[-1]["forward"] = {"input": encode_input(x), "out": encode(out), "grad_fn": node_name(out.grad_fn),
                                    "grad": encode(x.grad)}
    return cases


LOSSES = {
    "mse_loss": (lambda x, t, r: F.mse_loss(x, t, reduction=r), "regression"),
    "l1_loss": (lambda x, t, r: F.l1_loss(x, t, reduction=r), "regression"),
    "cross_entropy": (lambda x, t, r: F.cross_entropy(x, t, reduction=r), "classes"),
    "nll_loss": (lambda x, t, r: F.nll_loss(x, t, reduction=r), "log_probs"),
    "binary_cross_entropy": (lambda x, t, r: F.binary_cross_entropy(x, t, reduction=r), "probabilities"),
    "bce_with_logits": (lambda x, t, r: F.binary_cross_entropy_with_logits(x, t, reduction=r), "logits"),
}


def loss_inputs(kind, gen, dtype, batch):
    if kind in ("regression", "logits"):
        x = torch.randn(batch, 3, generator=gen, dtype=dtype)
        t = torch.randn(batch, 3, generator=gen, dtype=dtype) if kind == "regression" \
            else torch.rand(batch, 3, generator=gen, dtype=dtype)
        return x, t, True
    if kind == "probabilities":
        x = torch.rand(batch, 3, generator=gen, dtype=dtype) * 0.98 + 0.01
        return x, torch.rand(batch, 3, generator=gen, dtype=dtype), True
    x = torch.randn(batch, 5, generator=gen, dtype=dtype)
    if kind == "log_probs":
        x = x.log_softmax(1)
    return x, torch.randint(0, 5, (batch,), generator=gen), False


def losses():
    cases = []
    for op, (fn, kind) in LOSSES.items():
        for dtype in (torch.float32, torch.float64):
            for batch in (4, 37):
                for reduction in ("mean", "sum", "none"):
                    name = f"{op}_{str(dtype)[6:]}_{batch}_{reduction}"
                    x, t, float_target = loss_inputs(kind, seeded(name), dtype, batch)
                    x.requires_grad_()
                    if float_target:
                        t.requires_grad_()
                    out = fn(x, t, reduction)
                    grad_out = torch.randn(out.shape, generator=seeded(name + "/g"), dtype=dtype) \
                        if reduction == "none" else torch.tensor(1.0, dtype=dtype)
                    out.backward(grad_out)
                    cases.append({"name": name, "op": op, "reduction": reduction, "inputs": [encode_input(x),
                                  encode_input(t)], "grad_output": encode(grad_out), "out": encode(out),
                                  "grad_fn": node_name(out.grad_fn), "repr": repr(out),
                                  "grads": [encode(x.grad), encode(t.grad)]})
    # ignore_index and 1-D inputs for the class losses
    for op in ("cross_entropy", "nll_loss"):
        for reduction in ("mean", "sum", "none"):
            name = f"{op}_ignore_index_{reduction}"
            x = torch.randn(6, 4, generator=seeded(name)).requires_grad_()
            t = torch.tensor([0, -100, 3, 1, -100, 2])
            out = LOSSES[op][0](x, t, reduction)
            out.backward(torch.ones(out.shape))
            cases.append({"name": name, "op": op, "reduction": reduction, "inputs": [encode_input(x), encode_input(t)],
                          "grad_output": encode(torch.ones(out.shape)), "out": encode(out),
                          "grad_fn": node_name(out.grad_fn), "repr": repr(out), "grads": [encode(x.grad), None]})
            name = f"{op}_1d_{reduction}"
            x = torch.randn(4, generator=seeded(name)).requires_grad_()
            t = torch.tensor(2)
            out = LOSSES[op][0](x, t, reduction)
            out.backward()
            cases.append({"name": name, "op": op, "reduction": reduction, "inputs": [encode_input(x), encode_input(t)],
                          "grad_output": encode(torch.tensor(1.)), "out": encode(out),
                          "grad_fn": node_name(out.grad_fn), "repr": repr(out), "grads": [encode(x.grad), None]})
    return cases


def loss_errors():
    f = torch.randn(3, 4)
    bad = {
        "mse_bad_reduction": lambda: F.mse_loss(f, f, reduction="avg"),
        "cross_entropy_bad_reduction": lambda: F.cross_entropy(f, torch.tensor([0, 1, 2]), reduction="total"),
        "cross_entropy_batch_mismatch": lambda: F.cross_entropy(f, torch.tensor([0, 1])),
        "cross_entropy_target_out_of_bounds": lambda: F.cross_entropy(f, torch.tensor([0, 1, 4])),
        "cross_entropy_negative_target": lambda: F.cross_entropy(f, torch.tensor([0, -1, 2])),
        "cross_entropy_float_target_1d": lambda: F.nll_loss(f, torch.tensor([0., 1., 2.])),
        "nll_loss_2d_target": lambda: F.nll_loss(f, torch.zeros(3, 2, dtype=torch.long)),
        "nll_loss_0d_input": lambda: F.nll_loss(torch.tensor(1.), torch.tensor(0)),
        "bce_input_out_of_range": lambda: F.binary_cross_entropy(torch.tensor([1.5]), torch.tensor([1.])),
        "bce_shape_mismatch": lambda: F.binary_cross_entropy(torch.rand(3, 1), torch.rand(3)),
        "bce_with_logits_shape_mismatch": lambda: F.binary_cross_entropy_with_logits(torch.rand(3, 1), torch.rand(3)),
        "dropout_bad_p": lambda: F.dropout(f, 1.5),
        "embedding_out_of_range": lambda: F.embedding(torch.tensor([0, 5]), torch.randn(5, 2)),
        "embedding_float_indices": lambda: F.embedding(torch.tensor([0., 1.]), torch.randn(5, 2)),
    }
    cases = []
    for name, call in bad.items():
        try:
            call()
            raise AssertionError(name + " did not fail")
        except (RuntimeError, ValueError, IndexError) as e:
            cases.append({"name": name, "type": type(e).__name__, "message": error_text(e)})
    return cases


def state_dict_errors():
    torch.manual_seed(0)
    cases = []
    loads = {
        "missing_and_unexpected": (lambda: nn.Linear(2, 3), {"weight": torch.zeros(3, 2), "foo": torch.zeros(1)}),
        "size_mismatch": (lambda: nn.Linear(2, 3), {"weight": torch.zeros(2, 2), "bias": torch.zeros(3)}),
        "nested_missing": (lambda: nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1)),
                           {"0.weight": torch.zeros(3, 2), "0.bias": torch.zeros(3), "2.weight": torch.zeros(1, 3),
                            "2.extra": torch.zeros(1), "1.weight": torch.zeros(1)}),
    }
    for name, (make, sd) in loads.items():
        m = make()
        try:
            m.load_state_dict(sd)
            raise AssertionError(name)
        except RuntimeError as e:
            message = error_text(e)
        keys = m.load_state_dict(sd, strict=False) if name != "size_mismatch" else None
        cases.append({"name": name, "message": message, "non_strict": None if keys is None else repr(keys),
                      "state": {k: {"shape": list(v.shape)} for k, v in sd.items()}})
    return cases


OPTIMIZERS = {
    "sgd": lambda p: torch.optim.SGD(p, lr=0.1),
    "sgd_momentum": lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9),
    "sgd_dampening_weight_decay": lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.8, dampening=0.25, weight_decay=0.1),
    "sgd_nesterov": lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, nesterov=True),
    "adam": lambda p: torch.optim.Adam(p, lr=0.01),
    "adam_betas_eps": lambda p: torch.optim.Adam(p, lr=0.1, betas=(0.5, 0.9), eps=1e-3),
    "adam_weight_decay": lambda p: torch.optim.Adam(p, lr=0.01, weight_decay=0.1),
    "adam_amsgrad": lambda p: torch.optim.Adam(p, lr=0.01, amsgrad=True),
    "adamw": lambda p: torch.optim.AdamW(p, lr=0.01),
    "adamw_amsgrad": lambda p: torch.optim.AdamW(p, lr=0.05, weight_decay=0.5, amsgrad=True),
}


def optim():
    cases = []
    for name, make in OPTIMIZERS.items():
        for dtype in (torch.float32, torch.float64):
            case = f"{name}_{str(dtype)[6:]}"
            gen = seeded(case)
            p = torch.randn(37, generator=gen, dtype=dtype).requires_grad_()
            grads = [torch.randn(37, generator=gen, dtype=dtype) * (k + 1) for k in range(6)]
            start = p.detach().clone()
            opt = make([p])
            after = []
            for g in grads:
                p.grad = g.clone()
                opt.step()
                after.append(encode(p))
            cases.append({"name": case, "optimizer": name, "repr": repr(opt), "start": encode(start),
                          "grads": [encode(g) for g in grads], "after": after})
    return cases


def optim_errors():
    p = [torch.ones(1, requires_grad=True)]
    bad = {
        "sgd_negative_lr": lambda: torch.optim.SGD(p, lr=-0.1),
        "sgd_negative_momentum": lambda: torch.optim.SGD(p, lr=0.1, momentum=-0.5),
        "sgd_negative_weight_decay": lambda: torch.optim.SGD(p, lr=0.1, weight_decay=-1e-05),
        "sgd_nesterov_without_momentum": lambda: torch.optim.SGD(p, lr=0.1, nesterov=True),
        "adam_beta2_one": lambda: torch.optim.Adam(p, betas=(0.9, 1.0)),
        "adam_negative_eps": lambda: torch.optim.Adam(p, eps=-1e-08),
        "adamw_empty": lambda: torch.optim.AdamW([]),
        "adam_non_leaf": lambda: torch.optim.Adam([p[0] * 2]),
    }
    cases = []
    for name, call in bad.items():
        try:
            call()
            raise AssertionError(name)
        except ValueError as e:
            cases.append({"name": name, "message": error_text(e)})
    return cases


def dropout():
    cases = []
    for p in (0.0, 0.2, 0.5, 1.0):
        for dtype in (torch.float32, torch.float64):
            name = f"dropout_{p}_{str(dtype)[6:]}"
            x = torch.randn(5, 7, generator=seeded(name), dtype=dtype).requires_grad_()
            torch.manual_seed(7)
            out = F.dropout(x, p)
            follow = torch.rand(3, dtype=dtype)
            (out * torch.arange(35.).view(5, 7).to(dtype)).sum().backward() if out.requires_grad else None
            cases.append({"name": name, "p": p, "input": encode_input(x), "out": encode(out),
                          "grad_fn": node_name(out.grad_fn), "grad": encode(x.grad), "next_rand": encode(follow)})
    torch.manual_seed(7)
    m = nn.Dropout(0.5).eval()
    x = torch.randn(4)
    cases.append({"name": "dropout_eval_is_identity", "p": 0.5, "eval": True, "input": encode_input(x),
                  "out": encode(m(x)), "grad_fn": None, "grad": None, "next_rand": encode(torch.rand(3))})
    return cases


def embedding():
    cases = []
    for padding in (None, 1):
        name = f"embedding_padding_{padding}"
        torch.manual_seed(3)
        e = nn.Embedding(5, 3, padding_idx=padding)
        idx = torch.tensor([[1, 4, 1], [0, 1, 3]])
        out = e(idx)
        g = torch.randn(out.shape, generator=seeded(name))
        out.backward(g)
        cases.append({"name": name, "padding_idx": padding, "indices": encode(idx), "weight": encode(e.weight),
                      "out": encode(out), "grad_fn": node_name(out.grad_fn), "grad_output": encode(g),
                      "grad": encode(e.weight.grad), "repr": repr(e)})
    return cases


def main():
    write("nn.json", "gen_nn.py", modules(), losses=losses(), loss_errors=loss_errors(),
          state_dict_errors=state_dict_errors(), optim=optim(), optim_errors=optim_errors(), dropout=dropout(), embedding=embedding())


if __name__ == "__main__":
    main()

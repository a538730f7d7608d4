"""Training-parity goldens: seeded runs whose loss.item() on every step Java must print identically.

Each scenario seeds torch, builds its model (drawing the initial parameters), draws its data, then
runs STEPS optimiser steps of zero_grad / forward / loss / backward / step, recording loss.item()
(the float, and its Python repr) and the final state dict. TrainingParityTest mirrors each one.
"""
import torch
import torch.nn as nn

from golden_common import encode, write

STEPS = 25


def classification(seed, hidden_act):
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(4, 8), hidden_act(), nn.Linear(8, 3))
    x = torch.randn(16, 4)
    y = torch.randint(0, 3, (16,))
    return model, x, y, nn.CrossEntropyLoss()


def regression(seed, hidden_act):
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(4, 8), hidden_act(), nn.Linear(8, 1))
    x = torch.randn(16, 4)
    y = torch.randn(16, 1)
    return model, x, y, nn.MSELoss()


def binary(seed, hidden_act):
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(4, 6), hidden_act(), nn.Linear(6, 1))
    x = torch.randn(16, 4)
    y = (torch.rand(16, 1) > 0.5).float()
    return model, x, y, nn.BCEWithLogitsLoss()


SCENARIOS = {
    "sgd_momentum_mse": (lambda: regression(0, nn.ReLU), lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9)),
    "sgd_momentum_cross_entropy": (lambda: classification(1, nn.Tanh),
                                   lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9)),
    "sgd_plain_cross_entropy": (lambda: classification(2, nn.ReLU), lambda p: torch.optim.SGD(p, lr=0.2)),
    "sgd_nesterov_weight_decay": (lambda: classification(3, nn.Tanh),
                                  lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, nesterov=True,
                                                            weight_decay=1e-3)),
    "sgd_dampening_bce_logits": (lambda: binary(4, nn.Sigmoid),
                                 lambda p: torch.optim.SGD(p, lr=0.3, momentum=0.5, dampening=0.3)),
    "adam_cross_entropy": (lambda: classification(5, nn.ReLU), lambda p: torch.optim.Adam(p, lr=0.01)),
    "adam_mse": (lambda: regression(6, nn.Tanh), lambda p: torch.optim.Adam(p, lr=0.02)),
    "adam_amsgrad_weight_decay": (lambda: regression(7, nn.ReLU),
                                  lambda p: torch.optim.Adam(p, lr=0.01, weight_decay=0.01, amsgrad=True)),
    "adamw_cross_entropy": (lambda: classification(8, nn.Tanh), lambda p: torch.optim.AdamW(p, lr=0.01)),
}


def run(name, setup, make_optimizer):
    model, x, y, criterion = setup()
    optimizer = make_optimizer(model.parameters())
    losses = []
    for _ in range(STEPS):
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        losses.append(loss.item())
        loss.backward()
        optimizer.step()
    return {"name": name, "losses": losses, "printed": [repr(v) for v in losses],
            "final": {k: encode(v) for k, v in model.state_dict().items()}}


def main():
    cases = [run(name, *SCENARIOS[name]) for name in SCENARIOS]
    write("training.json", "gen_training.py", cases, steps=STEPS)


if __name__ == "__main__":
    main()

"""Debugging aid for training parity: dumps every intermediate of the first STEPS steps of one
gen_training.py scenario (forward values, loss, gradients, parameters after the step) as float32
bit patterns, so compare_dump.py can compare it tensor by tensor with the Java dump of the same run
(the test-scope class dev.jautograd.nn.ParityDump) and name the first tensor that differs.

usage: python3 dump_step.py SCENARIO STEPS OUT.json
"""
import json
import struct
import sys

import torch

from gen_training import SCENARIOS


def bits(t):
    return [struct.unpack("<I", struct.pack("<f", v))[0] for v in t.detach().reshape(-1).tolist()]


def main(name, steps, out):
    setup, make_optimizer = SCENARIOS[name]
    model, x, y, criterion = setup()
    optimizer = make_optimizer(model.parameters())
    dump = []
    for step in range(steps):
        optimizer.zero_grad()
        h = x
        for i, layer in enumerate(model):
            h = layer(h)
            h.retain_grad()
            dump.append((f"{step}.forward{i}", h))
        loss = criterion(h, y)
        dump.append((f"{step}.loss", loss))
        loss.backward()
        outs = [t for k, t in dump if k.startswith(f"{step}.forward")]
        for i, t in enumerate(outs):
            dump.append((f"{step}.grad_forward{i}", t.grad))
        for k, p in model.named_parameters():
            dump.append((f"{step}.grad.{k}", p.grad.clone()))
        optimizer.step()
        for k, p in model.named_parameters():
            dump.append((f"{step}.param.{k}", p.detach().clone()))
    with open(out, "w") as f:
        json.dump({k: bits(t) for k, t in dump}, f)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])

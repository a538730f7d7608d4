#!/bin/sh
# Regenerates every golden file from real PyTorch 1.13 (Debian's python3-torch under /usr/bin/python3;
# the pyenv python3 on PATH has no torch). Each gen_*.py is deterministic: rerunning changes nothing.
set -eu
cd "$(dirname "$0")"
for script in gen_*.py; do
    echo "== $script"
    /usr/bin/python3 "$script"
done
